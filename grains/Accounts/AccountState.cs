using EKyc.GrainInterfaces.Accounts;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Flags;
using Orleans;

namespace EKyc.Grains.Accounts;

/// <summary>Durable state of one account. Versioned contract: add fields with new ids, never reuse an id.</summary>
[GenerateSerializer, Alias("ekyc.AccountState")]
public sealed class AccountState
{
    [Id(0)] public Guid? ApplicantId { get; set; }
    [Id(1)] public ActivityWindow Window { get; set; } = new();
    [Id(2)] public List<AccountFlag> Flags { get; set; } = [];
    [Id(3)] public FeatureVector? LatestFeatures { get; set; }
    [Id(4)] public long Version { get; set; }
    [Id(5)] public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>Events for the client platform not yet confirmed by the outbox.</summary>
    [Id(6)] public List<PendingEvent> Outbox { get; set; } = [];

    /// <summary>Anomaly scores worth showing (changes, high scores, one a minute), newest last, bounded: the timeline an analyst reads.</summary>
    [Id(7)] public List<ScorePoint> Scores { get; set; } = [];

    /// <summary>Stream batches applied with at least one new event (written at checkpoints).</summary>
    [Id(8)] public long StreamBatches { get; set; }

    /// <summary>Events that arrived before the account was linked to an applicant (kept, but no re-verification).</summary>
    [Id(9)] public long UnlinkedEvents { get; set; }
}
