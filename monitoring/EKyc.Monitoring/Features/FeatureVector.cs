using System.Collections.Immutable;
using Orleans;

namespace EKyc.Monitoring.Features;

/// <summary>Named feature values at one moment of an account's activity.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.FeatureVector")]
public sealed record FeatureVector([property: Id(0)] DateTimeOffset At, [property: Id(1)] ImmutableSortedDictionary<string, double> Values)
{
    public FeatureVector(DateTimeOffset at, IDictionary<string, double> values)
        : this(at, values.ToImmutableSortedDictionary(StringComparer.Ordinal))
    {
    }

    public double this[string name] => Values.TryGetValue(name, out var v) ? v : 0;
}
