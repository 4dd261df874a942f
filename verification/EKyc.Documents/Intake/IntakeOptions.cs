using System.ComponentModel.DataAnnotations;

namespace EKyc.Documents.Intake;

/// <summary>Limits on uploaded images; bound from <c>Documents:Intake</c>.</summary>
public sealed class IntakeOptions
{
    /// <summary>Largest accepted file. Phone photos are 2–8 MB; 15 MB leaves room for a high-resolution scan.</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Largest decoded image in pixels (a decompression-bomb bound): 40 MP covers every phone camera.</summary>
    [Range(1_000_000, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Smallest side in pixels that can carry a readable document.</summary>
    [Range(100, 4000)]
    public int MinSide { get; set; } = 480;
}
