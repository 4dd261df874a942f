using EKyc.Documents.Mrz;
using EKyc.Verification.Checks;

namespace EKyc.Documents.Checks;

/// <summary>
/// What the document checks concluded: one result per check for the decision policy, the parsed MRZ, the portrait
/// crop (JPEG) for face matching, and the measurements behind the quality verdict.
/// </summary>
public sealed record DocumentVerification(
    IReadOnlyList<CheckResult> Results,
    MrzDocument? Mrz,
    byte[]? PortraitJpeg,
    IReadOnlyDictionary<string, double> Measurements);
