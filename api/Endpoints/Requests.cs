using EKyc.Monitoring.Activity;
using EKyc.Verification.Schedule;

namespace EKyc.Api.Endpoints;

public sealed record CreateApplicantRequest(string? GivenNames, string? Surname, string? Email, string? Phone, RiskTier? RiskTier, DateOnly? BirthDate = null);

public sealed record ConsentRequest(string? ConsentVersion, string? Channel);

public sealed record ReasonRequest(string? Reason);

public sealed record ReviewRequest(string? Decision, string? Reason);

public sealed record LinkAccountRequest(string? AccountId);

public sealed record FlagActionRequest(string? Action, string? Note);

/// <summary>The JSON shape of one activity event, as the platform sends it (see README, "Activity events").</summary>
public sealed record ActivityEventDto(
    string? EventId,
    string? AccountId,
    DateTimeOffset? OccurredAt,
    ActivityType? Type,
    decimal? Amount,
    string? Currency,
    bool? Success,
    string? DeviceId,
    string? IpCountry,
    string? Counterparty,
    Dictionary<string, string>? Attributes);

public sealed record ActivityBatchRequest(List<ActivityEventDto>? Events);
