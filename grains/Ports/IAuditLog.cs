namespace EKyc.Grains.Ports;

/// <summary>
/// The append-only audit trail, as the grains see it. Entries carry ids and codes only, never personal data.
/// The silo wires it to the hash-chained table in the grains' database.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(string actorKind, string actorId, string action, string subjectType, string subjectId, string details, CancellationToken cancellationToken);
}
