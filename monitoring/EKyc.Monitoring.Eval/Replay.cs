using System.Collections.Concurrent;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Rules;
using EKyc.Monitoring.Scoring;
using EKyc.Monitoring.Simulation;

namespace EKyc.Monitoring.Eval;

/// <summary>One scored event: where it falls, its ground truth, and what the rules and the model said.</summary>
internal readonly record struct EventOutcome(int Account, int Day, FraudScenario Label, int Incident, int RuleMask, double Score, long EventsSeen);

/// <summary>One account-day: the unit precision and recall are counted in (an analyst reviews an account's day).</summary>
internal readonly record struct WindowOutcome(int Account, int Day, FraudScenario Label, int RuleMask, double MaxScore, double MaxGuardedScore)
{
    public bool RuleHit => RuleMask != 0;

    public bool IsFraud => Label != FraudScenario.None;
}

/// <summary>Replays simulated accounts through <see cref="ActivityWindow"/> as the account grain does.</summary>
internal static class Replay
{
    /// <summary>Feature vectors of accounts past the minimum history: what the model trains on.</summary>
    public static IEnumerable<FeatureVector> TrainingVectors(SimulationResult simulation, WindowOptions window, long minimumHistory)
    {
        foreach (var account in simulation.Accounts)
        {
            var state = new ActivityWindow();
            foreach (var e in account.Events)
            {
                var features = state.Observe(e.Event, window);
                if (state.EventsSeen >= minimumHistory && !e.IsFraud) yield return features;
            }
        }
    }

    /// <summary>Scores every event (accounts in parallel, each in time order) and keeps the best explanation per incident.</summary>
    public static (EventOutcome[] Events, IReadOnlyDictionary<int, AnomalyScore> IncidentExplanations) Score(
        SimulationResult simulation, AnomalyModel model, RuleOptions ruleOptions, RiskThresholds thresholds, WindowOptions window)
    {
        var rules = new RuleEngine(ruleOptions);
        var bit = ruleOptions.Rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => 1 << x.i, StringComparer.Ordinal);
        var perAccount = new EventOutcome[simulation.Accounts.Length][];
        var explanations = new ConcurrentDictionary<int, AnomalyScore>();
        Parallel.For(0, simulation.Accounts.Length, index =>
        {
            var account = simulation.Accounts[index];
            var state = new ActivityWindow();
            var outcomes = new EventOutcome[account.Events.Length];
            for (var i = 0; i < outcomes.Length; i++)
            {
                var e = account.Events[i];
                var features = state.Observe(e.Event, window);
                var score = model.Score(features, thresholds.TopContributors);
                outcomes[i] = new EventOutcome(index, simulation.DayOf(e.Event.OccurredAt), e.Label, e.Incident,
                    rules.Evaluate(features).Aggregate(0, (mask, hit) => mask | bit[hit.Code]), score.Score, state.EventsSeen);
                if (e.Incident > 0) explanations.AddOrUpdate(e.Incident, score, (_, old) => old.Score >= score.Score ? old : score);
            }
            perAccount[index] = outcomes;
        });
        return ([.. perAccount.SelectMany(x => x)], explanations);
    }

    /// <summary>Groups events into account-days from <paramref name="fromDay"/> on.</summary>
    public static List<WindowOutcome> Windows(IEnumerable<EventOutcome> events, int fromDay, long minimumHistory) =>
        [.. events.Where(e => e.Day >= fromDay)
            .GroupBy(e => (e.Account, e.Day))
            .Select(g => new WindowOutcome(
                g.Key.Account,
                g.Key.Day,
                g.Select(e => e.Label).FirstOrDefault(l => l != FraudScenario.None),
                g.Aggregate(0, (mask, e) => mask | e.RuleMask),
                g.Max(e => e.Score),
                g.Where(e => e.EventsSeen >= minimumHistory).Select(e => e.Score).DefaultIfEmpty(0).Max()))];
}
