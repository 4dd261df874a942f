using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>
/// A selfie upload as received: the raw image bytes (checked and decoded only silo-side) and, optionally, the
/// challenge-liveness session the applicant completed just before (<see cref="Liveness.ILivenessSessionGrain"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.SelfieSubmission")]
public sealed record SelfieSubmission(
    [property: Id(0)] byte[] Selfie,
    [property: Id(1)] Guid? LivenessSessionId = null);
