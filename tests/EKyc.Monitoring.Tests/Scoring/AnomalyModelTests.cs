using EKyc.Monitoring.Features;
using EKyc.Monitoring.Scoring;
using EKyc.Monitoring.Simulation;

namespace EKyc.Monitoring.Tests.Scoring;

public class AnomalyModelTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private static List<FeatureVector> Sample(int seed, int accounts = 20) =>
        [.. TrainedModelFixture.Replay(new ActivitySimulator(new SimulationOptions { Accounts = accounts, Seed = seed }).Run()).Select(x => x.Features)];

    [Fact]
    public void Saved_and_loaded_model_gives_identical_scores_and_explanations()
    {
        var bytes = fixture.Model.ToBytes();
        using var loaded = AnomalyModel.Load(bytes);
        Assert.Equal(fixture.Model.Features, loaded.Features);
        Assert.Equal(fixture.Model.Rank, loaded.Rank);
        Assert.Equal(fixture.Model.CalibrationReference, loaded.CalibrationReference);
        foreach (var features in Sample(seed: 7).Take(2_000))
        {
            var before = fixture.Model.Score(features);
            var after = loaded.Score(features);
            Assert.Equal(before.Score, after.Score);
            Assert.Equal(before.Raw, after.Raw);
            Assert.Equal(before.TopFeatures, after.TopFeatures);
        }
        Assert.Equal(bytes, loaded.ToBytes());
    }

    [Fact]
    public void Stream_round_trip_matches_the_byte_round_trip()
    {
        using var stream = new MemoryStream();
        fixture.Model.Save(stream);
        stream.Position = 0;
        using var loaded = AnomalyModel.Load(stream);
        var features = Sample(seed: 8)[^1];
        Assert.Equal(fixture.Model.Score(features), loaded.Score(features), new ScoreComparer());
    }

    [Fact]
    public void Injected_takeover_scores_above_the_same_accounts_normal_activity()
    {
        var simulation = new ActivitySimulator(new SimulationOptions
        {
            Accounts = 200, Seed = 33, FraudAccountShare = 0.05, Scenarios = [FraudScenario.AccountTakeover],
        }).Run();
        var victims = simulation.Incidents.Select(i => i.AccountId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(10, victims.Count);

        var scored = TrainedModelFixture.Replay(simulation)
            .Where(x => victims.Contains(x.Event.Event.AccountId) && x.EventsSeen >= 20)
            .Select(x => (x.Event, Score: fixture.Model.Score(x.Features)))
            .ToList();
        var above = 0;
        foreach (var account in scored.GroupBy(x => x.Event.Event.AccountId))
        {
            var fraud = account.Where(x => x.Event.IsFraud).MaxBy(x => x.Score.Score);
            var normal = account.Where(x => !x.Event.IsFraud).Select(x => x.Score.Score).Order().ToList();
            // Far above the account's typical event, and above nearly all of its own normal history.
            Assert.True(fraud.Score.Score > normal[normal.Count / 2] + 0.3, $"{account.Key}: {fraud.Score.Score} vs median {normal[normal.Count / 2]}");
            Assert.True(fraud.Score.Score > normal[(int)(normal.Count * 0.99)], $"{account.Key}: {fraud.Score.Score} vs p99 {normal[(int)(normal.Count * 0.99)]}");
            if (fraud.Score.Score > normal[^1]) above++;
            // The explanation points at what changed: access from somewhere new, changes, or the transfer itself.
            Assert.Contains(fraud.Score.TopFeatures, c => c.Feature is FeatureNames.NewAccess24h or FeatureNames.NewDevice or FeatureNames.NewIpCountry
                or FeatureNames.Changes24h or FeatureNames.ChangeBeforeLargeTransaction or FeatureNames.AmountZScore);
        }
        Assert.True(above >= 8, $"takeover above every normal event of its account for only {above} of 10 victims");
    }

    [Fact]
    public void Pooled_parallel_scoring_matches_sequential_scoring()
    {
        var rows = Sample(seed: 9).Take(3_000).ToArray();
        var sequential = rows.Select(r => fixture.Model.Score(r).Raw).ToArray();
        var parallel = new double[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = fixture.Model.Score(rows[i]).Raw);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Scores_are_normalised_and_explanations_share_the_whole_error()
    {
        var all = fixture.Model.Features.Count;
        foreach (var features in Sample(seed: 10).Take(500))
        {
            var score = fixture.Model.Score(features, topContributors: all);
            Assert.InRange(score.Score, 0, 1);
            Assert.True(score.Raw >= 0);
            if (score.Raw > 1e-3)
            {
                Assert.Equal(1, score.TopFeatures.Sum(c => c.Share), 2);
                Assert.Equal(score.TopFeatures.OrderByDescending(c => c.Share).Select(c => c.Feature), score.TopFeatures.Select(c => c.Feature));
            }
        }
        Assert.Empty(fixture.Model.Score(Sample(seed: 10)[0], topContributors: 0).TopFeatures);
    }

    [Fact]
    public void Calibration_quantile_maps_to_one_half()
    {
        var raw = fixture.Model.CalibrationReference;
        Assert.True(raw > 0);
        // A typical normal event scores well below the calibration point.
        var typical = Sample(seed: 11).Select(f => fixture.Model.Score(f).Score).Order().ToList();
        Assert.True(typical[typical.Count / 2] < 0.5);
        Assert.True(typical.Count(s => s >= 0.5) < typical.Count * 0.05);
    }

    [Fact]
    public void Load_rejects_something_that_is_not_a_model()
    {
        Assert.Throws<InvalidDataException>(() => AnomalyModel.Load(new byte[64]));
        var truncated = fixture.Model.ToBytes()[..^10];
        Assert.ThrowsAny<Exception>(() => AnomalyModel.Load(truncated));
    }

    [Fact]
    public void Training_rejects_bad_options_and_too_little_data()
    {
        var rows = Sample(seed: 12);
        Assert.Throws<ArgumentException>(() => AnomalyModel.Train(rows, new AnomalyModelOptions { Rank = FeatureNames.All.Count }));
        Assert.Throws<ArgumentException>(() => AnomalyModel.Train(rows, new AnomalyModelOptions { CalibrationQuantile = 1 }));
        Assert.Throws<ArgumentException>(() => AnomalyModel.Train(rows.Take(50), new AnomalyModelOptions()));
        Assert.Empty(new AnomalyModelOptions().Problems());
    }

    private sealed class ScoreComparer : IEqualityComparer<AnomalyScore>
    {
        public bool Equals(AnomalyScore? x, AnomalyScore? y) =>
            x is not null && y is not null && x.Score == y.Score && x.Raw == y.Raw && x.TopFeatures.SequenceEqual(y.TopFeatures);

        public int GetHashCode(AnomalyScore obj) => obj.Score.GetHashCode();
    }
}
