using EKyc.Monitoring.Features;
using EKyc.Monitoring.Scoring;
using EKyc.Monitoring.Simulation;

namespace EKyc.Monitoring.Tests.Scoring;

/// <summary>One model trained on a small normal-only simulation, shared by the scoring tests (training takes ~1 s).</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public static readonly WindowOptions Window = new();

    public TrainedModelFixture()
    {
        var training = new ActivitySimulator(new SimulationOptions { Accounts = 150, Seed = 101, FraudAccountShare = 0 }).Run();
        Model = AnomalyModel.Train(Replay(training).Where(x => x.EventsSeen >= 20).Select(x => x.Features));
    }

    public AnomalyModel Model { get; }

    /// <summary>Each event's features as the account grain would compute them, in the account's time order.</summary>
    public static IEnumerable<(LabelledEvent Event, FeatureVector Features, long EventsSeen)> Replay(SimulationResult simulation)
    {
        foreach (var account in simulation.Accounts)
        {
            var window = new ActivityWindow();
            foreach (var e in account.Events)
            {
                var features = window.Observe(e.Event, Window);
                yield return (e, features, window.EventsSeen);
            }
        }
    }

    public void Dispose() => Model.Dispose();
}
