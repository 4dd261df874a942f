using System.Collections.Immutable;
using EKyc.Monitoring.Activity;
using Orleans;

namespace EKyc.GrainInterfaces.Accounts;

/// <summary>
/// Account activity as an Orleans stream: one stream per account (namespace <see cref="Namespace"/>, key = account id)
/// on the provider named <see cref="Provider"/> — memory streams in the embedded default, NATS JetStream when scaled
/// out. Each item is one batch of that account's events, so the account grain checkpoints once per batch.
/// </summary>
public static class ActivityStreams
{
    public const string Provider = "activity";
    public const string Namespace = "account-activity";
}

[GenerateSerializer, Immutable, Alias("ekyc.ActivityBatchMessage")]
public sealed record ActivityBatchMessage([property: Id(0)] ImmutableArray<ActivityEvent> Events);
