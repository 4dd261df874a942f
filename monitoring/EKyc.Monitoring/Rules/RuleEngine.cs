using EKyc.Monitoring.Features;

namespace EKyc.Monitoring.Rules;

/// <summary>Evaluates the configured rules against a feature vector.</summary>
public sealed class RuleEngine(RuleOptions options)
{
    public IReadOnlyList<RuleHit> Evaluate(FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        List<RuleHit>? hits = null;
        foreach (var rule in options.Rules)
        {
            var value = features[rule.Feature];
            if (value >= rule.Threshold) (hits ??= []).Add(new RuleHit(rule.Code, rule.Feature, value, rule.Threshold, rule.Description));
        }
        return hits ?? (IReadOnlyList<RuleHit>)[];
    }
}
