using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Checks;

namespace EKyc.Grains.Ports;

/// <summary>
/// The document checks (image intake, capture quality, MRZ, data, name, portrait), run silo-side where the image
/// and OCR libraries are. Either the upload is refused as input (malformed, too large, unsupported) or it yields
/// check results and the images to keep.
/// </summary>
public interface IDocumentChecks
{
    Task<DocumentCheckOutcome> VerifyAsync(DocumentSubmission submission, string registeredGivenNames, string registeredSurname, DateOnly? registeredBirthDate, CancellationToken cancellationToken);
}

/// <summary>The outcome: a refusal of the input (<see cref="RefusalCode"/> set), or results with the evidence to store.</summary>
public sealed record DocumentCheckOutcome(
    IReadOnlyList<CheckResult> Results,
    IReadOnlyList<EvidenceContent> Evidence,
    string? RefusalCode = null,
    string? RefusalMessage = null,
    bool RefusalTooLarge = false)
{
    public static DocumentCheckOutcome Refused(string code, string message, bool tooLarge = false) => new([], [], code, message, tooLarge);
}

/// <summary>One piece of evidence to store: its kind, media type and bytes.</summary>
public sealed record EvidenceContent(string Kind, string ContentType, byte[] Content);
