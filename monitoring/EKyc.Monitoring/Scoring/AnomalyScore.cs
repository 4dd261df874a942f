using System.Collections.Immutable;
using Orleans;

namespace EKyc.Monitoring.Scoring;

/// <summary>
/// The anomaly model's verdict on one feature vector: <see cref="Score"/> in [0, 1) (0.5 = the calibration quantile of
/// normal training activity), the unnormalised reconstruction error, and the features that explain most of it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.AnomalyScore")]
public sealed record AnomalyScore(
    [property: Id(0)] double Score,
    [property: Id(1)] double Raw,
    [property: Id(2)] ImmutableArray<FeatureContribution> TopFeatures);

/// <summary>
/// One feature's part in an anomaly: its value, the value the model reconstructs from the account's other features
/// (what normal activity would look like here), and its share of the squared reconstruction error.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.FeatureContribution")]
public sealed record FeatureContribution(
    [property: Id(0)] string Feature,
    [property: Id(1)] double Value,
    [property: Id(2)] double Expected,
    [property: Id(3)] double Share);
