using System.Collections.Immutable;
using EKyc.GrainInterfaces.Common;
using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Flags;
using Orleans;

namespace EKyc.GrainInterfaces.Accounts;

/// <summary>
/// One account: consumes its activity (however it arrives), keeps rolling features, evaluates rules, raises flags and
/// asks the linked applicant for re-verification. Events are de-duplicated by id.
/// </summary>
[Alias("ekyc.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("Link")] Task<CommandResult<AccountView>> LinkAsync(Guid applicantId);

    /// <summary>Handles events already validated by the caller, in occurred-at order, and checkpoints state once.</summary>
    [Alias("Ingest")] Task<CommandResult<IngestResult>> IngestAsync(ImmutableArray<ActivityEvent> events);

    [Alias("ActOnFlag")] Task<CommandResult<AccountView>> ActOnFlagAsync(string flagId, FlagStatus newStatus, string actor, string? note);

    [Alias("Get")] Task<AccountView?> GetAsync();
}
