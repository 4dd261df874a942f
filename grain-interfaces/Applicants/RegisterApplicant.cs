using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

[GenerateSerializer, Immutable, Alias("ekyc.RegisterApplicant")]
public sealed record RegisterApplicant(
    [property: Id(0)] string GivenNames,
    [property: Id(1)] string Surname,
    [property: Id(2)] string Email,
    [property: Id(3)] string Phone,
    [property: Id(4)] RiskTier RiskTier,
    [property: Id(5)] Actor Actor,
    [property: Id(6)] DateOnly? BirthDate = null);
