using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>
/// A stored piece of evidence (an encrypted image or extract) belonging to an applicant: its id in the evidence store
/// and what it is (<c>document_front</c>, <c>document_back</c>, <c>document_portrait</c>, <c>selfie</c>, …).
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.EvidenceRef")]
public sealed record EvidenceRef(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset StoredAt);
