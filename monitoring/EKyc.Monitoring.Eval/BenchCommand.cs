using System.Diagnostics;
using System.Globalization;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Scoring;
using EKyc.Monitoring.Simulation;

namespace EKyc.Monitoring.Eval;

/// <summary>
/// Feature extraction and scoring throughput: events through <see cref="ActivityWindow.Observe"/> (and
/// <see cref="AnomalyModel.Score"/>), on one thread and across one partition of accounts per core, each account in
/// time order within its partition, as account grains are spread over a silo's threads.
/// </summary>
internal static class BenchCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Repeats = 3;

    public static int Run(int accounts, int seed, int days)
    {
        var window = new WindowOptions();
        var thresholds = new RiskThresholds();
        var training = new ActivitySimulator(new SimulationOptions { Accounts = Math.Min(accounts, 500), Seed = seed, Days = days, FraudAccountShare = 0 }).Run();
        using var model = AnomalyModel.Train(Replay.TrainingVectors(training, window, thresholds.MinimumHistoryEvents));
        var simulation = new ActivitySimulator(new SimulationOptions { Accounts = accounts, Seed = seed + 2, Days = days }).Run();
        var streams = simulation.Accounts.Select(a => a.Events.Select(e => e.Event).ToArray()).ToArray();
        var events = streams.Sum(s => (long)s.Length);
        var partitions = Environment.ProcessorCount;
        Console.WriteLine(string.Create(Inv, $"bench: {accounts} accounts x {days} days, {events:N0} events, {partitions} cores, best of {Repeats} runs"));

        var table = new Table("stage", "threads", "events", "seconds", "events/s");
        double Measure(string stage, int threads, bool score)
        {
            Pass(streams, window, score ? model : null, threads, thresholds.TopContributors); // warm-up
            var best = double.MaxValue;
            for (var r = 0; r < Repeats; r++)
            {
                var clock = Stopwatch.StartNew();
                Pass(streams, window, score ? model : null, threads, thresholds.TopContributors);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            var rate = events / best;
            table.Add(stage, threads.ToString(Inv), events.ToString("N0", Inv), best.ToString("F3", Inv), rate.ToString("N0", Inv));
            return rate;
        }

        Measure("Observe", 1, score: false);
        Measure("Observe + Score", 1, score: true);
        Measure("Observe", partitions, score: false);
        var parallel = Measure("Observe + Score", partitions, score: true);
        table.Print(Console.Out);
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"RESULT events_per_s={parallel:F0}"));
        return 0;
    }

    private static void Pass(EKyc.Monitoring.Activity.ActivityEvent[][] streams, WindowOptions window, AnomalyModel? model, int partitions, int top)
    {
        var checksum = 0.0;
        var gate = new Lock();
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, () => 0.0, (p, _, local) =>
        {
            for (var a = p; a < streams.Length; a += partitions)
            {
                var state = new ActivityWindow();
                foreach (var e in streams[a])
                {
                    var features = state.Observe(e, window);
                    local += model is null ? features[FeatureNames.Events1h] : model.Score(features, top).Score;
                }
            }
            return local;
        }, local => { lock (gate) checksum += local; });
        GC.KeepAlive(checksum);
    }
}
