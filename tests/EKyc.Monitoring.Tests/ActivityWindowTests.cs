using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Rules;

namespace EKyc.Monitoring.Tests;

public class ActivityWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly WindowOptions Options = new();

    private static ActivityEvent Tx(string id, DateTimeOffset at, decimal amount) =>
        new() { EventId = id, AccountId = "a", OccurredAt = at, Type = ActivityType.Transaction, Amount = amount };

    private static ActivityEvent Login(string id, DateTimeOffset at, bool ok, string device = "d1", string country = "GB") =>
        new() { EventId = id, AccountId = "a", OccurredAt = at, Type = ActivityType.Login, Success = ok, DeviceId = device, IpCountry = country };

    [Fact]
    public void Counts_and_sums_only_inside_their_windows()
    {
        var w = new ActivityWindow();
        w.Observe(Tx("1", T0.AddHours(-25), 1000), Options);
        w.Observe(Tx("2", T0.AddHours(-2), 300), Options);
        w.Observe(Tx("3", T0.AddMinutes(-30), 200), Options);
        var f = w.Observe(Tx("4", T0, 100), Options);
        Assert.Equal(2, f[FeatureNames.TransactionCount1h]);
        Assert.Equal(600, f[FeatureNames.TransactionAmount24h]);
    }

    [Fact]
    public void Failed_logins_in_the_last_hour()
    {
        var w = new ActivityWindow();
        FeatureVector f = null!;
        for (var i = 0; i < 6; i++) f = w.Observe(Login($"l{i}", T0.AddMinutes(i * 5), ok: false), Options);
        Assert.Equal(6, f[FeatureNames.FailedLogins1h]);
        f = w.Observe(Login("late", T0.AddHours(2), ok: false), Options);
        Assert.Equal(1, f[FeatureNames.FailedLogins1h]);
    }

    [Fact]
    public void New_device_and_country_are_relative_to_what_the_account_used_before()
    {
        var w = new ActivityWindow();
        Assert.Equal(0, w.Observe(Login("1", T0, true, "d1", "GB"), Options)[FeatureNames.NewDevice]);
        Assert.Equal(0, w.Observe(Login("2", T0.AddMinutes(1), true, "d1", "GB"), Options)[FeatureNames.NewDevice]);
        var f = w.Observe(Login("3", T0.AddMinutes(2), true, "d2", "BR"), Options);
        Assert.Equal(1, f[FeatureNames.NewDevice]);
        Assert.Equal(1, f[FeatureNames.NewIpCountry]);
    }

    [Fact]
    public void Contact_change_shortly_before_a_large_transaction()
    {
        var w = new ActivityWindow();
        w.Observe(new ActivityEvent { EventId = "c", AccountId = "a", OccurredAt = T0, Type = ActivityType.ContactChange }, Options);
        Assert.Equal(0, w.Observe(Tx("small", T0.AddHours(1), 100), Options)[FeatureNames.ChangeBeforeLargeTransaction]);
        Assert.Equal(1, w.Observe(Tx("large", T0.AddHours(2), 9000), Options)[FeatureNames.ChangeBeforeLargeTransaction]);
        Assert.Equal(0, w.Observe(Tx("later", T0.AddDays(3), 9000), Options)[FeatureNames.ChangeBeforeLargeTransaction]);
    }

    [Fact]
    public void Remembers_event_ids_up_to_its_capacity()
    {
        var w = new ActivityWindow();
        var small = new WindowOptions { DedupCapacity = 100 };
        for (var i = 0; i < 150; i++) w.Observe(Login($"e{i}", T0.AddSeconds(i), true), small);
        Assert.True(w.HasSeen("e149"));
        Assert.True(w.HasSeen("e50"));
        Assert.False(w.HasSeen("e49"));
        Assert.Equal(100, w.SeenCount);
    }

    [Fact]
    public void Ids_stored_before_the_hash_ring_still_count_as_seen()
    {
        var w = new ActivityWindow { RecentEventIds = ["old-1", "old-2"] };
        Assert.True(w.HasSeen("old-2"));
        Assert.False(w.HasSeen("new-1"));
        w.Observe(Login("new-1", T0, true), Options);
        Assert.True(w.HasSeen("old-1"));
        Assert.True(w.HasSeen("new-1"));
        Assert.Empty(w.RecentEventIds);
    }

    [Fact]
    public void A_late_event_counts_only_for_itself_and_what_follows()
    {
        var w = new ActivityWindow();
        w.Observe(Tx("1", T0, 100), Options);
        w.Observe(Tx("2", T0.AddMinutes(50), 200), Options);
        // Arrives last but happened between the two: its features see only the first; the next event sees all three.
        var late = w.Observe(Tx("3", T0.AddMinutes(10), 50), Options);
        Assert.Equal(2, late[FeatureNames.TransactionCount1h]);
        Assert.Equal(150, late[FeatureNames.TransactionAmount24h]);
        var next = w.Observe(Tx("4", T0.AddMinutes(65), 1), Options);
        Assert.Equal(3, next[FeatureNames.TransactionCount1h]);
        Assert.Equal(351, next[FeatureNames.TransactionAmount24h]);
    }

    [Fact]
    public void Counts_stop_at_the_entry_cap_and_expired_entries_are_pruned()
    {
        var w = new ActivityWindow();
        var small = new WindowOptions { MaxEntries = 100 };
        FeatureVector f = null!;
        for (var i = 0; i < 1000; i++) f = w.Observe(Login($"e{i}", T0.AddSeconds(i), true), small);
        Assert.Equal(100, f[FeatureNames.Events1h]);
        Assert.True(w.Entries.Count < 200 + 1);
        f = w.Observe(Login("tomorrow", T0.AddDays(2), true), small);
        Assert.Equal(1, f[FeatureNames.Events1h]);
        Assert.True(w.Entries.Count <= 100);
    }

    [Fact]
    public void Dormancy_is_the_gap_since_the_previous_activity()
    {
        var w = new ActivityWindow();
        w.Observe(Login("1", T0, true), Options);
        Assert.Equal(200, w.Observe(Login("2", T0.AddDays(200), true), Options)[FeatureNames.DormantDays]);
    }

    [Fact]
    public void Default_rules_fire_on_their_thresholds_with_explanations()
    {
        var engine = new RuleEngine(new RuleOptions());
        var quiet = new FeatureVector(T0, new Dictionary<string, double> { [FeatureNames.FailedLogins1h] = 4 });
        Assert.Empty(engine.Evaluate(quiet));
        var burst = new FeatureVector(T0, new Dictionary<string, double> { [FeatureNames.FailedLogins1h] = 5, [FeatureNames.TransactionCount1h] = 25 });
        var hits = engine.Evaluate(burst);
        Assert.Equal(["tx_velocity", "failed_login_burst"], hits.Select(h => h.Code));
        Assert.Equal(25, hits[0].Value);
        Assert.Equal(20, hits[0].Threshold);
    }

    [Fact]
    public void Rule_sets_referring_to_unknown_features_are_reported()
    {
        var options = new RuleOptions { Rules = [new RuleDefinition { Code = "x", Feature = "nope", Threshold = 1, Description = "d" }] };
        Assert.Single(options.Problems());
        Assert.Empty(new RuleOptions().Problems());
    }

    [Theory]
    [InlineData("", "invalid_event_id")]
    [InlineData("tx-no-amount", "amount_required")]
    public void Envelope_validation(string eventId, string code)
    {
        var e = new ActivityEvent { EventId = eventId, AccountId = "a", OccurredAt = T0, Type = ActivityType.Transaction };
        Assert.Equal(code, ActivityValidation.Validate(e, T0)!.Value.Code);
        Assert.Null(ActivityValidation.Validate(e with { EventId = "ok", Amount = 10 }, T0));
    }
}
