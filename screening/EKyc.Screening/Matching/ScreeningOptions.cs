namespace EKyc.Screening.Matching;

/// <summary>Thresholds of the matcher, versioned so a decision can cite the settings it was made with.</summary>
public sealed record ScreeningOptions
{
    public static readonly ScreeningOptions Default = new();

    /// <summary>Reported with every result: change it whenever a threshold or weight below changes.</summary>
    public string Version { get; init; } = "screening-1";

    /// <summary>Scores from here are possible hits.</summary>
    public double PossibleThreshold { get; init; } = 0.80;

    /// <summary>Scores from here are strong hits (manual review).</summary>
    public double StrongThreshold { get; init; } = 0.92;

    /// <summary>Token pairs less similar than this count as not matching at all.</summary>
    public double TokenThreshold { get; init; } = 0.80;

    /// <summary>At most this many hits are returned, best first.</summary>
    public int MaxHits { get; init; } = 20;
}
