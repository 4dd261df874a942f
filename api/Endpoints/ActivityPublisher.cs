using System.Collections.Immutable;
using EKyc.GrainInterfaces.Accounts;
using EKyc.Monitoring.Activity;

namespace EKyc.Api.Endpoints;

/// <summary>
/// Puts validated activity on the accounts' streams: one stream per account, one message per account per batch.
/// The HTTP stream endpoint and the JetStream ingress both publish through here, so both land the same way.
/// </summary>
public static class ActivityPublisher
{
    /// <summary>Publishes; returns how many accounts the batch touched. Throws <see cref="InvalidOperationException"/> when the queues are full.</summary>
    public static async Task<int> PublishAsync(IClusterClient cluster, string tenant, ImmutableArray<ActivityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var provider = cluster.GetStreamProvider(ActivityStreams.Provider);
        var perAccount = events.GroupBy(e => e.AccountId, StringComparer.Ordinal).ToList();
        await Task.WhenAll(perAccount.Select(g => provider
            .GetStream<ActivityBatchMessage>(ActivityStreamIds.For(tenant, g.Key))
            .OnNextAsync(new ActivityBatchMessage([.. g]))));
        return perAccount.Count;
    }

    /// <summary>Validates a posted batch (all or nothing, see <see cref="ActivityBatch"/>); the JetStream ingress's entry.</summary>
    public static (ImmutableArray<ActivityEvent> Events, IReadOnlyDictionary<string, string> Errors) Validate(IReadOnlyList<ActivityEventDto> items, DateTimeOffset now) =>
        ActivityBatch.Parse(items, now);
}
