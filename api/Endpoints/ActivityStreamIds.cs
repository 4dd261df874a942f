using EKyc.GrainInterfaces.Accounts;
using Orleans.Runtime;

namespace EKyc.Api.Endpoints;

/// <summary>
/// The stream of one account of one tenant: the stream key is the account grain's key, so the implicit subscription
/// activates exactly that grain. (Here rather than in the contracts, which carry no streaming dependency.)
/// </summary>
public static class ActivityStreamIds
{
    public static StreamId For(string? tenant, string accountId) => StreamId.Create(ActivityStreams.Namespace, AccountKeys.For(tenant, accountId));
}
