using EKyc.Monitoring.Features;
using EKyc.Monitoring.Scoring;

namespace EKyc.Grains.Ports;

/// <summary>
/// The anomaly model as the account grains see it: a score for a feature vector when a model is loaded (null before
/// the first model is trained), and a sampler that feeds the platform's own activity into the next training run.
/// Both are synchronous and cheap: scoring is an in-memory PCA projection, sampling an enqueue.
/// </summary>
public interface IAnomalyScorer
{
    /// <summary>The loaded model's version, or null when none is trained yet.</summary>
    string? ModelVersion { get; }

    AnomalyScore? Score(FeatureVector features);

    /// <summary>Offers a feature vector of normal-looking activity as a training sample (sampled and bounded by the adapter).</summary>
    void Offer(FeatureVector features);
}
