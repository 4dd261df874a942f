using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;

namespace EKyc.Monitoring.Tests.Features;

public class NearThresholdTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly WindowOptions Options = new();
    private static int _next;

    private static ActivityEvent Tx(DateTimeOffset at, decimal amount) =>
        new() { EventId = $"s{Interlocked.Increment(ref _next)}", AccountId = "a", OccurredAt = at, Type = ActivityType.Transaction, Amount = amount, Counterparty = "cp" };

    private static double Near(ActivityWindow w, ActivityEvent e, WindowOptions? options = null) =>
        w.Observe(e, options ?? Options)[FeatureNames.NearThresholdTransactions24h];

    [Fact]
    public void The_default_band_is_nine_to_ten_thousand_half_open()
    {
        Assert.Equal(new AmountBand(9_000m, 10_000m), Options.NearThresholdBand());
        Assert.True(Options.NearThresholdBand().Contains(9_000m));
        Assert.True(Options.NearThresholdBand().Contains(9_999.99m));
        Assert.False(Options.NearThresholdBand().Contains(10_000m));
        Assert.False(Options.NearThresholdBand().Contains(8_999.99m));
    }

    [Fact]
    public void Counts_transactions_in_the_band_and_not_at_the_threshold_or_below_the_band()
    {
        var w = new ActivityWindow();
        Assert.Equal(1, Near(w, Tx(T0, 9_000m)));
        Assert.Equal(1, Near(w, Tx(T0.AddHours(1), 10_000m)));
        Assert.Equal(1, Near(w, Tx(T0.AddHours(2), 8_999.99m)));
        Assert.Equal(2, Near(w, Tx(T0.AddHours(3), 9_999.99m)));
        Assert.Equal(3, Near(w, Tx(T0.AddHours(4), 9_500m)));
        Assert.Equal(3, Near(w, Tx(T0.AddHours(5), 40m)));
    }

    [Fact]
    public void Only_the_last_24_hours_count_and_exactly_24_hours_ago_is_out()
    {
        var w = new ActivityWindow();
        w.Observe(Tx(T0, 9_500m), Options);
        w.Observe(Tx(T0.AddHours(12), 9_500m), Options);
        Assert.Equal(2, Near(w, Tx(T0.AddDays(1).AddSeconds(-1), 20m)));
        Assert.Equal(1, Near(w, Tx(T0.AddDays(1), 20m)));
    }

    [Fact]
    public void Other_event_types_never_count()
    {
        var w = new ActivityWindow();
        var other = new ActivityEvent { EventId = "o1", AccountId = "a", OccurredAt = T0, Type = ActivityType.Other, Amount = 9_500m };
        Assert.Equal(0, w.Observe(other, Options)[FeatureNames.NearThresholdTransactions24h]);
    }

    [Fact]
    public void A_late_transaction_in_the_band_counts_for_later_events()
    {
        var w = new ActivityWindow();
        w.Observe(Tx(T0.AddHours(2), 9_100m), Options);
        // Features are as of the event's own time, so the late one does not see the newer transfer.
        Assert.Equal(1, Near(w, Tx(T0.AddHours(1), 9_200m)));
        Assert.Equal(3, Near(w, Tx(T0.AddHours(3), 9_300m)));
    }

    [Fact]
    public void A_reconfigured_band_applies_to_the_window_already_held()
    {
        var w = new ActivityWindow();
        w.Observe(Tx(T0, 4_600m), Options);
        w.Observe(Tx(T0.AddHours(1), 4_900m), Options);
        var lower = new WindowOptions { ReportingThreshold = 5_000m, StructuringMargin = 0.1m };
        Assert.Equal(3, Near(w, Tx(T0.AddHours(2), 4_700m), lower));
        Assert.Equal(0, Near(w, Tx(T0.AddHours(3), 4_700m)));
    }

    [Fact]
    public void Threshold_and_margin_are_validated()
    {
        Assert.NotEmpty(ImpossibleTravelTests.Validate(new WindowOptions { ReportingThreshold = 0 }));
        Assert.NotEmpty(ImpossibleTravelTests.Validate(new WindowOptions { StructuringMargin = 0 }));
        Assert.NotEmpty(ImpossibleTravelTests.Validate(new WindowOptions { StructuringMargin = 0.9m }));
    }

    [Fact]
    public void Counts_stay_exact_across_the_chunked_pruning_of_old_entries()
    {
        // Three days of transfers every 10 minutes, in the band on an irregular pattern, checked against a brute-force
        // count; the pattern is irregular so totals read at shifted positions (after a chunk of old entries is
        // removed) would disagree.
        var w = new ActivityWindow();
        var sent = new List<(DateTimeOffset At, decimal Amount)>();
        for (var i = 0; i < 3 * 144; i++)
        {
            var at = T0.AddMinutes(10 * i);
            var amount = i * 7 % 11 < 3 ? 9_500m : 20m + i;
            sent.Add((at, amount));
            var f = w.Observe(Tx(at, amount), Options);
            var day = sent.Where(x => x.At > at.AddDays(-1)).ToList();
            Assert.Equal(day.Count(x => x.Amount == 9_500m), f[FeatureNames.NearThresholdTransactions24h]);
            Assert.Equal((double)day.Sum(x => x.Amount), f[FeatureNames.TransactionAmount24h]);
        }
    }
}
