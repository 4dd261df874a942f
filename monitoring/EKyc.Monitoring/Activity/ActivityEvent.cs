using System.Collections.Immutable;
using Orleans;

namespace EKyc.Monitoring.Activity;

/// <summary>
/// One account-activity event: a typed envelope with the fields the features read, plus free attributes the platform
/// may add. <see cref="EventId"/> is the platform's unique id; delivery is at least once, so the account grain
/// de-duplicates by it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.ActivityEvent")]
public sealed record ActivityEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required string AccountId { get; init; }
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }
    [Id(3)] public required ActivityType Type { get; init; }

    /// <summary>Transaction amount in the account currency; positive for money leaving the account.</summary>
    [Id(4)] public decimal? Amount { get; init; }
    [Id(5)] public string? Currency { get; init; }

    /// <summary>Login outcome; null for other types.</summary>
    [Id(6)] public bool? Success { get; init; }
    [Id(7)] public string? DeviceId { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country of the client IP, as resolved by the platform.</summary>
    [Id(8)] public string? IpCountry { get; init; }
    [Id(9)] public string? Counterparty { get; init; }
    [Id(10)] public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;
}
