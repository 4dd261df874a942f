using EKyc.Grains.Ports;
using EKyc.ReadModels.Audit;

namespace EKyc.Silo.Adapters;

/// <summary>Wires the grains' audit port to the hash-chained audit table.</summary>
internal sealed class ChainedAuditLog(AuditTrail trail, TimeProvider clock) : IAuditLog
{
    public Task AppendAsync(string actorKind, string actorId, string action, string subjectType, string subjectId, string details, CancellationToken cancellationToken) =>
        trail.AppendAsync(new AuditEntry(clock.GetUtcNow(), actorKind, actorId, action, subjectType, subjectId, details), cancellationToken);
}
