using System.ComponentModel.DataAnnotations;

namespace EKyc.Grains.Liveness;

/// <summary>Challenge-liveness settings the grains apply; section <c>Biometrics</c>.</summary>
public sealed class LivenessOptions
{
    /// <summary>
    /// When true, a selfie must name a passed challenge session (default false: API clients that only send a selfie
    /// still get passive liveness on it).
    /// </summary>
    public bool RequireChallenge { get; set; }

    /// <summary>How long a challenge can be answered after it is issued (default 2 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Actions asked per challenge, all different (default 3; at most the 5 there are).</summary>
    [Range(1, 5)]
    public int ChallengeActions { get; set; } = 3;

    /// <summary>Most frames one submission may carry (default 12; the HTTP API applies the same bound).</summary>
    [Range(1, 64)]
    public int MaxFrames { get; set; } = 12;
}
