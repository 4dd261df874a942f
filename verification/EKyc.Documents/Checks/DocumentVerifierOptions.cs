using EKyc.Documents.Mrz;
using EKyc.Documents.Quality;

namespace EKyc.Documents.Checks;

/// <summary>Everything the document checks are configured with; bound from <c>Documents</c>.</summary>
public sealed class DocumentVerifierOptions
{
    public QualityOptions Quality { get; set; } = new();

    public MrzValidationOptions Validation { get; set; } = new();

    /// <summary>Require a portrait to be found on the document (needs the face pipeline).</summary>
    public bool RequirePortrait { get; set; } = true;
}
