using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>
/// A document upload as received: the raw bytes of each side (checked and decoded only silo-side, where the image
/// libraries live) and the type the applicant chose (<c>passport</c>, <c>id_card</c>, <c>residence_permit</c>,
/// <c>visa</c>, <c>driving_licence</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.DocumentSubmission")]
public sealed record DocumentSubmission(
    [property: Id(0)] string DocumentType,
    [property: Id(1)] byte[] Front,
    [property: Id(2)] byte[]? Back);
