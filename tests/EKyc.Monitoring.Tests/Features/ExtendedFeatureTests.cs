using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;

namespace EKyc.Monitoring.Tests.Features;

public class ExtendedFeatureTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly WindowOptions Options = new();
    private static int _next;

    private static ActivityEvent Tx(DateTimeOffset at, decimal amount, string counterparty = "shop") =>
        new() { EventId = $"t{Interlocked.Increment(ref _next)}", AccountId = "a", OccurredAt = at, Type = ActivityType.Transaction, Amount = amount, Counterparty = counterparty };

    private static ActivityEvent Event(DateTimeOffset at, ActivityType type, string device = "d1", string country = "GB") =>
        new() { EventId = $"e{Interlocked.Increment(ref _next)}", AccountId = "a", OccurredAt = at, Type = type, Success = type == ActivityType.Login ? true : null, DeviceId = device, IpCountry = country };

    [Fact]
    public void Existing_feature_names_keep_their_place_and_new_ones_are_appended()
    {
        Assert.Equal(["tx_count_1h", "tx_amount_24h", "failed_logins_1h", "new_device", "new_ip_country", "change_before_large_tx", "dormant_days"], FeatureNames.All.Take(7));
        Assert.Equal(FeatureNames.All.Count, FeatureNames.All.Distinct().Count());
        var w = new ActivityWindow();
        var features = w.Observe(Tx(T0, 10), Options);
        Assert.Equal(FeatureNames.All.Order(StringComparer.Ordinal), features.Values.Keys);
    }

    [Fact]
    public void Amount_z_score_compares_with_the_accounts_own_history()
    {
        var w = new ActivityWindow();
        Assert.Equal(0, w.Observe(Tx(T0, 100), Options)[FeatureNames.AmountZScore]);
        for (var i = 1; i < 12; i++) w.Observe(Tx(T0.AddHours(i * 5), 80 + i * 4), Options);
        Assert.InRange(w.Observe(Tx(T0.AddDays(3), 100), Options)[FeatureNames.AmountZScore], -1, 1);
        Assert.True(w.Observe(Tx(T0.AddDays(3).AddMinutes(5), 9_000), Options)[FeatureNames.AmountZScore] > 5);
    }

    [Fact]
    public void Counterparties_distinct_in_a_day_and_new_ones()
    {
        var w = new ActivityWindow();
        w.Observe(Tx(T0.AddDays(-3), 10, "rent"), Options);
        var first = w.Observe(Tx(T0, 10, "grocer"), Options);
        Assert.Equal(1, first[FeatureNames.NewCounterparty]);
        Assert.Equal(1, first[FeatureNames.Counterparties24h]);
        Assert.Equal(0, w.Observe(Tx(T0.AddMinutes(1), 10, "grocer"), Options)[FeatureNames.NewCounterparty]);
        FeatureVector f = null!;
        for (var i = 0; i < 6; i++) f = w.Observe(Tx(T0.AddMinutes(10 + i), 500, $"mule-{i}"), Options);
        Assert.Equal(7, f[FeatureNames.Counterparties24h]);
        Assert.Equal(7, f[FeatureNames.NewCounterparties24h]);
        var later = w.Observe(Tx(T0.AddDays(2), 10, "rent"), Options);
        Assert.Equal(1, later[FeatureNames.Counterparties24h]);
        Assert.Equal(0, later[FeatureNames.NewCounterparties24h]);
    }

    [Fact]
    public void Hour_deviation_is_distance_from_the_usual_hour()
    {
        var w = new ActivityWindow();
        for (var day = 0; day < 10; day++) w.Observe(Event(T0.AddDays(day), ActivityType.Login), Options);
        Assert.InRange(w.Observe(Event(T0.AddDays(10), ActivityType.Login), Options)[FeatureNames.HourDeviation], 0, 0.1);
        Assert.InRange(w.Observe(Event(T0.AddDays(10).AddHours(12), ActivityType.Login), Options)[FeatureNames.HourDeviation], 11, 12);
    }

    [Fact]
    public void Changes_and_new_access_are_counted_for_a_day()
    {
        var w = new ActivityWindow();
        w.Observe(Event(T0, ActivityType.Login), Options);
        var login = w.Observe(Event(T0.AddHours(1), ActivityType.Login, "atk", "BR"), Options);
        Assert.Equal(2, login[FeatureNames.NewAccess24h]);
        w.Observe(Event(T0.AddHours(1.1), ActivityType.ContactChange, "atk", "BR"), Options);
        var next = w.Observe(Event(T0.AddHours(1.2), ActivityType.BeneficiaryAdded, "atk", "BR"), Options);
        Assert.Equal(2, next[FeatureNames.Changes24h]);
        Assert.Equal(2, next[FeatureNames.NewAccess24h]);
        Assert.Equal(0, next[FeatureNames.NewDevice]);
        var dayLater = w.Observe(Event(T0.AddHours(26), ActivityType.Login), Options);
        Assert.Equal(0, dayLater[FeatureNames.Changes24h]);
        Assert.Equal(0, dayLater[FeatureNames.NewAccess24h]);
    }

    [Fact]
    public void Transaction_velocity_against_the_usual_daily_count()
    {
        var w = new ActivityWindow();
        Assert.Equal(1, w.Observe(Tx(T0, 10), Options)[FeatureNames.TransactionsVsUsual]);
        for (var day = 1; day <= 20; day++) w.Observe(Tx(T0.AddDays(day), 10), Options);
        var usual = w.Observe(Tx(T0.AddDays(21), 10), Options)[FeatureNames.TransactionsVsUsual];
        Assert.InRange(usual, 1, 2);
        FeatureVector burst = null!;
        for (var i = 0; i < 20; i++) burst = w.Observe(Tx(T0.AddDays(21).AddMinutes(10 + i), 10, $"p{i}"), Options);
        // 21 transactions in a day against about one a day (the burst itself lifts the lifetime average a little).
        Assert.True(burst[FeatureNames.TransactionsVsUsual] > 5);
    }
}
