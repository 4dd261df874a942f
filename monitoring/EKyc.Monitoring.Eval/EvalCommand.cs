using System.Diagnostics;
using System.Globalization;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Rules;
using EKyc.Monitoring.Scoring;
using EKyc.Monitoring.Simulation;

namespace EKyc.Monitoring.Eval;

/// <summary>
/// Trains the anomaly model on a normal-only simulation, picks a tuned threshold on a second (validation) simulation,
/// and evaluates rules, model and both on a third (test) simulation, per account-day window.
/// </summary>
internal static class EvalCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(int accounts, int seed, int days)
    {
        var window = new WindowOptions();
        var rules = new RuleOptions();
        var thresholds = new RiskThresholds().Validated();
        var fraudFrom = new SimulationOptions().FirstFraudDay;

        var clock = Stopwatch.StartNew();
        var training = new ActivitySimulator(new SimulationOptions { Accounts = accounts, Seed = seed, Days = days, FraudAccountShare = 0 }).Run();
        var simulateSeconds = clock.Elapsed.TotalSeconds;
        var vectors = Replay.TrainingVectors(training, window, thresholds.MinimumHistoryEvents).ToList();
        clock.Restart();
        using var model = AnomalyModel.Train(vectors);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var bytes = model.ToBytes();
        Console.WriteLine(string.Create(Inv, $"training: seed {seed}, {accounts} accounts x {days} days, {training.EventCount:N0} events simulated in {simulateSeconds:F1} s"));
        Console.WriteLine(string.Create(Inv, $"model: RandomizedPca rank {model.Rank} over {model.Features.Count} features, {vectors.Count:N0} rows, trained in {trainSeconds * 1000:F0} ms, {bytes.Length:N0} bytes saved"));
        vectors = null;
        training = null;

        // Validation: a separate seed with fraud, used only to show which threshold would maximise F1 there.
        var validation = Simulate(accounts, seed + 1, days);
        var validationWindows = Replay.Windows(Replay.Score(validation, model, rules, thresholds, window).Events, fraudFrom, thresholds.MinimumHistoryEvents);
        var (tunedModel, _) = BestThreshold(validationWindows, withRules: false);
        var (tunedCombined, _) = BestThreshold(validationWindows, withRules: true);
        Console.WriteLine(string.Create(Inv, $"validation (seed {seed + 1}): F1-best threshold {tunedModel:F3} for the model alone, {tunedCombined:F3} combined with rules; default FlagScore {thresholds.FlagScore:F2}"));

        var test = Simulate(accounts, seed + 2, days);
        var (events, explanations) = Replay.Score(test, model, rules, thresholds, window);
        var windows = Replay.Windows(events, fraudFrom, thresholds.MinimumHistoryEvents);
        Console.WriteLine(string.Create(Inv, $"test (seed {seed + 2}): {test.EventCount:N0} events, {test.Incidents.Length} incidents, {windows.Count:N0} account-days from day {fraudFrom}, {windows.Count(w => w.IsFraud)} with fraud"));
        Console.WriteLine();

        var systems = new (string Name, Func<WindowOutcome, bool> Flag)[]
        {
            ("rules", w => w.RuleHit),
            (string.Create(Inv, $"model@{thresholds.FlagScore:F2}"), w => w.MaxGuardedScore >= thresholds.FlagScore),
            (string.Create(Inv, $"combined@{thresholds.FlagScore:F2}"), w => w.RuleHit || w.MaxGuardedScore >= thresholds.FlagScore),
            (string.Create(Inv, $"combined@{tunedCombined:F2} (val-tuned)"), w => w.RuleHit || w.MaxGuardedScore >= tunedCombined),
        };
        var scenarios = Enum.GetValues<FraudScenario>().Where(s => s != FraudScenario.None).ToArray();
        var table = new Table("system", "scenario", "windows", "TP", "FN", "FP", "precision", "recall", "F1");
        var results = new Dictionary<string, Counts>();
        foreach (var (name, flag) in systems)
        {
            var falsePositives = windows.Count(w => !w.IsFraud && flag(w));
            foreach (var scenario in scenarios)
            {
                var mine = windows.Where(w => w.Label == scenario).ToList();
                var tp = mine.Count(flag);
                var counts = new Counts(tp, falsePositives, mine.Count - tp);
                table.Add(name, scenario.ToString(), mine.Count.ToString(Inv), tp.ToString(Inv), (mine.Count - tp).ToString(Inv), "*" + falsePositives.ToString(Inv),
                    F(counts.Precision), F(counts.Recall), F(counts.F1));
            }
            var fraud = windows.Where(w => w.IsFraud).ToList();
            var all = new Counts(fraud.Count(flag), falsePositives, fraud.Count(w => !flag(w)));
            results[name] = all;
            table.Add(name, "overall", fraud.Count.ToString(Inv), all.TruePositives.ToString(Inv), all.FalseNegatives.ToString(Inv), falsePositives.ToString(Inv),
                F(all.Precision), F(all.Recall), F(all.F1));
        }
        table.Print(Console.Out);
        Console.WriteLine("  (* per-scenario precision counts every false-positive window against that scenario alone: TP_s / (TP_s + FP))");
        Console.WriteLine();

        var sweep = new Table("threshold", "normal windows flagged", "model P", "model R", "model F1", "combined P", "combined R", "combined F1");
        var negatives = windows.Count(w => !w.IsFraud);
        foreach (var t in new[] { 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9 })
        {
            Counts Of(Func<WindowOutcome, bool> flag) => new(windows.Count(w => w.IsFraud && flag(w)), windows.Count(w => !w.IsFraud && flag(w)), windows.Count(w => w.IsFraud && !flag(w)));
            var alone = Of(w => w.MaxGuardedScore >= t);
            var both = Of(w => w.RuleHit || w.MaxGuardedScore >= t);
            sweep.Add(t.ToString("F2", Inv), ((double)alone.FalsePositives / negatives).ToString("P2", Inv), F(alone.Precision), F(alone.Recall), F(alone.F1), F(both.Precision), F(both.Recall), F(both.F1));
        }
        sweep.Print(Console.Out);
        Console.WriteLine();

        var byRule = new Table("rule (default RuleOptions)", "threshold", "fraud windows", "normal windows");
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            var mask = 1 << i;
            byRule.Add(rules.Rules[i].Code, rules.Rules[i].Threshold.ToString("G", Inv),
                windows.Count(w => w.IsFraud && (w.RuleMask & mask) != 0).ToString(Inv), windows.Count(w => !w.IsFraud && (w.RuleMask & mask) != 0).ToString(Inv));
        }
        byRule.Print(Console.Out);
        Console.WriteLine();

        var windowAuc = Metrics.RocAuc([.. windows.Select(w => (w.MaxScore, w.IsFraud))]);
        var eventAuc = Metrics.RocAuc([.. events.Where(e => e.Day >= fraudFrom).Select(e => (e.Score, e.Label != FraudScenario.None))]);
        var auc = new Table(["ROC AUC of the anomaly score", "overall", .. scenarios.Select(s => s.ToString())]);
        auc.Add(["account-day (max score)", F(windowAuc), .. scenarios.Select(s => F(Metrics.RocAuc([.. windows.Where(w => !w.IsFraud || w.Label == s).Select(w => (w.MaxScore, w.IsFraud))])))]);
        auc.Add(["event", F(eventAuc), .. scenarios.Select(s => F(Metrics.RocAuc([.. events.Where(e => e.Day >= fraudFrom && (e.Label == FraudScenario.None || e.Label == s)).Select(e => (e.Score, e.Label != FraudScenario.None))])))]);
        auc.Print(Console.Out);
        Console.WriteLine();

        Console.WriteLine("why (highest-scoring event of the first incident of each scenario):");
        foreach (var scenario in scenarios)
        {
            var incident = test.Incidents.FirstOrDefault(i => i.Scenario == scenario);
            if (incident is null || !explanations.TryGetValue(incident.Id, out var why)) continue;
            Console.WriteLine(string.Create(Inv, $"  {scenario,-20} score {why.Score:F3}: ") + string.Join(", ",
                why.TopFeatures.Select(c => string.Create(Inv, $"{c.Feature}={c.Value:0.##} (expected {Math.Round(c.Expected, 2) + 0.0:0.##}, {c.Share:P0})"))));
        }
        Console.WriteLine();

        var (single, pooled) = Throughput(model, test, window);
        var perf = new Table("measure", "value");
        perf.Add("training time (ms)", (trainSeconds * 1000).ToString("F0", Inv));
        perf.Add("score rows/s, 1 thread", single.ToString("N0", Inv));
        perf.Add(string.Create(Inv, $"score rows/s, pooled, {Environment.ProcessorCount} threads"), pooled.ToString("N0", Inv));
        perf.Print(Console.Out);
        Console.WriteLine();

        var combined = results[systems[2].Name];
        // Alert budget: the share of all account-days the combined system raises an alert on (what analysts must read).
        var alerts = combined.TruePositives + combined.FalsePositives;
        var budget = windows.Count == 0 ? 0 : (double)alerts / windows.Count;
        Console.WriteLine(string.Create(Inv, $"alert budget of {systems[2].Name}: {alerts} alerts over {windows.Count} account-days = {budget:P2}"));
        Console.WriteLine(string.Create(Inv,
            $"RESULT auc={windowAuc:F4} precision={combined.Precision:F4} recall={combined.Recall:F4} alert_budget={budget:F4} f1={combined.F1:F4} rules_recall={results["rules"].Recall:F4} score_rows_per_s={pooled:F0}"));
        return 0;
    }

    private static SimulationResult Simulate(int accounts, int seed, int days) =>
        new ActivitySimulator(new SimulationOptions { Accounts = accounts, Seed = seed, Days = days }).Run();

    /// <summary>The score threshold (on the guarded window score) with the best F1, alone or OR-ed with the rules.</summary>
    internal static (double Threshold, double F1) BestThreshold(IReadOnlyList<WindowOutcome> windows, bool withRules)
    {
        var best = (Threshold: 0.5, F1: -1.0);
        for (var t = 0.30; t <= 0.985; t += 0.01)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var w in windows)
            {
                var flagged = (withRules && w.RuleHit) || w.MaxGuardedScore >= t;
                if (flagged && w.IsFraud) tp++;
                else if (flagged) fp++;
                else if (w.IsFraud) fn++;
            }
            var f1 = new Counts(tp, fp, fn).F1;
            if (f1 > best.F1) best = (Math.Round(t, 2), f1);
        }
        return best;
    }

    /// <summary>Rows scored per second through one pooled engine on one thread, and across all cores.</summary>
    private static (double Single, double Pooled) Throughput(AnomalyModel model, SimulationResult simulation, WindowOptions window)
    {
        var rows = new List<FeatureVector>();
        foreach (var account in simulation.Accounts)
        {
            var state = new ActivityWindow();
            foreach (var e in account.Events) rows.Add(state.Observe(e.Event, window));
            if (rows.Count >= 50_000) break;
        }
        const int Rounds = 4;
        foreach (var row in rows.Take(5_000)) model.Score(row);
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < Rounds; r++)
            foreach (var row in rows) model.Score(row);
        var single = Rounds * rows.Count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        for (var r = 0; r < Rounds; r++)
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, rows.Count, 2_000), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                range => { for (var i = range.Item1; i < range.Item2; i++) model.Score(rows[i]); });
        var pooled = Rounds * rows.Count / clock.Elapsed.TotalSeconds;
        return (single, pooled);
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", Inv);
}
