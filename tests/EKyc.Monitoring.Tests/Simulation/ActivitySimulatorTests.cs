using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Simulation;

namespace EKyc.Monitoring.Tests.Simulation;

public class ActivitySimulatorTests
{
    private static SimulationResult Run(int seed, double share = 0.1, int accounts = 120) =>
        new ActivitySimulator(new SimulationOptions { Accounts = accounts, Seed = seed, FraudAccountShare = share }).Run();

    private static IEnumerable<object> Fingerprint(SimulationResult r) =>
        r.Accounts.SelectMany(a => a.Events).Select(x => (object)(x.Event with { }, x.Label, x.Incident));

    [Fact]
    public void Same_seed_gives_the_same_run_and_another_seed_a_different_one()
    {
        var first = Run(seed: 5);
        var second = Run(seed: 5);
        Assert.Equal(first.EventCount, second.EventCount);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.Equal(first.Incidents, second.Incidents);
        Assert.Equal(first.Accounts.Select(a => a.Profile.MedianAmount), second.Accounts.Select(a => a.Profile.MedianAmount));

        var other = Run(seed: 6);
        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public void Every_scenario_is_injected_once_per_victim_and_labelled_event_by_event()
    {
        var run = Run(seed: 7, share: 0.1, accounts: 200);
        Assert.Equal(20, run.Incidents.Length);
        Assert.Equal(20, run.Incidents.Select(i => i.AccountId).Distinct().Count());
        Assert.Equal(Enum.GetValues<FraudScenario>().Where(x => x != FraudScenario.None), run.Options.Scenarios);
        foreach (var scenario in run.Options.Scenarios)
            Assert.Equal(4, run.Incidents.Count(i => i.Scenario == scenario));

        var labelled = run.Accounts.SelectMany(a => a.Events).Where(e => e.IsFraud).ToList();
        Assert.Equal(run.Incidents.Sum(i => i.Events), labelled.Count);
        foreach (var incident in run.Incidents)
        {
            var mine = labelled.Where(e => e.Incident == incident.Id).ToList();
            Assert.All(mine, e => Assert.Equal(incident.Scenario, e.Label));
            Assert.All(mine, e => Assert.Equal(incident.AccountId, e.Event.AccountId));
            Assert.True(run.DayOf(incident.Start) >= run.Options.FirstFraudDay);
        }
        Assert.All(run.Accounts.SelectMany(a => a.Events).Where(e => !e.IsFraud), e => Assert.Equal(0, e.Incident));
    }

    [Fact]
    public void Scenarios_have_their_defining_shape()
    {
        var run = Run(seed: 8, share: 0.1, accounts: 200);
        var events = run.Accounts.SelectMany(a => a.Events).ToList();
        foreach (var incident in run.Incidents)
        {
            var mine = events.Where(e => e.Incident == incident.Id).Select(e => e.Event).ToList();
            switch (incident.Scenario)
            {
                case FraudScenario.AccountTakeover:
                    Assert.Contains(mine, e => e.Type == ActivityType.Login && e.Success == true && e.DeviceId!.StartsWith("atk-", StringComparison.Ordinal));
                    Assert.Contains(mine, e => e.Type == ActivityType.Transaction);
                    break;
                case FraudScenario.Mule:
                    Assert.True(mine.Count(e => e.Type == ActivityType.Transaction) >= 12);
                    Assert.True(mine.Select(e => e.Counterparty).Where(c => c is not null).Distinct().Count() >= 5);
                    break;
                case FraudScenario.CredentialStuffing:
                    Assert.True(mine.Count(e => e.Type == ActivityType.Login && e.Success == false) >= 6);
                    break;
                case FraudScenario.DormantReactivation:
                    var account = run.Accounts.Single(a => a.Profile.AccountId == incident.AccountId);
                    var before = account.Events.Where(e => e.Event.OccurredAt < incident.Start).Select(e => e.Event.OccurredAt).DefaultIfEmpty(run.Options.Start).Max();
                    Assert.True((incident.Start - before).TotalDays >= 30, $"{incident.AccountId} was silent only {(incident.Start - before).TotalDays:F1} days");
                    Assert.Contains(mine, e => e.Type == ActivityType.Transaction && e.Amount >= 800);
                    break;
            }
        }
    }

    [Fact]
    public void Structuring_is_labelled_just_under_the_threshold_on_a_small_spender_over_at_most_two_days()
    {
        var run = Run(seed: 11, share: 0.1, accounts: 300);
        var band = new WindowOptions().NearThresholdBand();
        var incidents = run.Incidents.Where(i => i.Scenario == FraudScenario.Structuring).ToList();
        Assert.Equal(6, incidents.Count);
        foreach (var incident in incidents)
        {
            var account = run.Accounts.Single(a => a.Profile.AccountId == incident.AccountId);
            var mine = account.Events.Where(e => e.Incident == incident.Id).ToList();
            Assert.All(mine, e => Assert.Equal(FraudScenario.Structuring, e.Label));
            var transfers = mine.Select(e => e.Event).Where(e => e.Type == ActivityType.Transaction).ToList();
            Assert.InRange(transfers.Count, 4, 8);
            Assert.All(transfers, e => Assert.True(band.Contains(e.Amount!.Value), $"{e.Amount} outside [{band.Low}, {band.High})"));
            Assert.InRange(transfers.Select(e => e.Counterparty).Distinct().Count(), 1, 3);
            Assert.True(incident.End - incident.Start < TimeSpan.FromDays(3), $"{incident.End - incident.Start}");
            Assert.True(account.Profile.MedianAmount * 10 <= (double)run.Options.ReportingThreshold, $"median {account.Profile.MedianAmount}");
        }
    }

    [Fact]
    public void An_account_takeover_from_abroad_hops_country_within_the_hour()
    {
        var run = Run(seed: 12, share: 0.1, accounts: 300);
        var options = new WindowOptions();
        var abroad = 0;
        foreach (var incident in run.Incidents.Where(i => i.Scenario == FraudScenario.AccountTakeover))
        {
            var account = run.Accounts.Single(a => a.Profile.AccountId == incident.AccountId);
            var attacker = account.Events.First(e => e.Incident == incident.Id && e.Event.DeviceId!.StartsWith("atk-", StringComparison.Ordinal)).Event;
            var window = new ActivityWindow();
            var hops = account.Events.Select(e => (e, hop: window.Observe(e.Event, options)[FeatureNames.ImpossibleTravel])).ToList();
            if (attacker.IpCountry == account.Profile.HomeCountry) continue;
            abroad++;
            Assert.Equal(1, hops.Single(x => x.e.Event.EventId == attacker.EventId).hop);
        }
        Assert.True(abroad >= 3, $"only {abroad} takeovers from abroad");
    }

    [Fact]
    public void A_victims_normal_stream_is_the_one_it_has_without_the_incident()
    {
        var clean = Run(seed: 9, share: 0);
        var injected = Run(seed: 9, share: 0.1);
        Assert.Empty(clean.Incidents);
        Assert.DoesNotContain(clean.Accounts.SelectMany(a => a.Events), e => e.IsFraud);
        foreach (var incident in injected.Incidents.Where(i => i.Scenario != FraudScenario.DormantReactivation))
        {
            var with = injected.Accounts.Single(a => a.Profile.AccountId == incident.AccountId).Events.Where(e => !e.IsFraud).Select(e => e.Event);
            var without = clean.Accounts.Single(a => a.Profile.AccountId == incident.AccountId).Events.Select(e => e.Event);
            Assert.Equal(without, with);
        }
    }

    [Fact]
    public void Events_are_valid_envelopes_in_time_order_per_account()
    {
        var run = Run(seed: 10, share: 0.1);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var end = run.Options.Start.AddDays(run.Options.Days + 1);
        foreach (var account in run.Accounts)
        {
            Assert.NotEmpty(account.Events);
            for (var i = 0; i < account.Events.Length; i++)
            {
                var e = account.Events[i].Event;
                Assert.Null(ActivityValidation.Validate(e, end));
                Assert.True(ids.Add(e.EventId), $"duplicate id {e.EventId}");
                Assert.Equal(account.Profile.AccountId, e.AccountId);
                if (i > 0) Assert.True(e.OccurredAt >= account.Events[i - 1].Event.OccurredAt);
            }
        }
        Assert.Contains(run.Accounts, a => a.Profile.Segment == "business");
        Assert.Contains(run.Accounts, a => a.Profile.Segment == "retail");
    }

    [Theory]
    [InlineData(0, 60, 21, 0.05)]
    [InlineData(10, 20, 10, 0.05)]
    [InlineData(10, 60, 59, 0.05)]
    [InlineData(10, 60, 21, 0.9)]
    public void Bad_options_are_rejected(int accounts, int days, int firstFraudDay, double share)
    {
        var options = new SimulationOptions { Accounts = accounts, Days = days, FirstFraudDay = firstFraudDay, FraudAccountShare = share };
        Assert.NotEmpty(options.Problems());
        Assert.Throws<ArgumentException>(() => new ActivitySimulator(options).Run());
    }
}
