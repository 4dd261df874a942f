using EKyc.Verification.Checks;
using OpenCvSharp;

namespace EKyc.Documents.Quality;

/// <summary>
/// What capture quality measured and concluded. <see cref="Document"/> is the perspective-corrected document (the
/// whole photo when no edges were found, e.g. a tight scan), owned by the report.
/// </summary>
public sealed record QualityReport(
    Mat Document,
    bool EdgesFound,
    double AreaFraction,
    double Sharpness,
    double GlareFraction,
    double MeanLuminance,
    IReadOnlyList<ReasonCode> Problems) : IDisposable
{
    public bool Acceptable => Problems.Count == 0;

    public void Dispose() => Document.Dispose();
}
