namespace EKyc.ReadModels.Audit;

/// <summary>One audited event: who did what to which subject, with ids and codes only (never personal data).</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string ActorKind,
    string ActorId,
    string Action,
    string SubjectType,
    string SubjectId,
    string Details);

/// <summary>An entry as stored, with its place in the chain.</summary>
public sealed record AuditRecord(long Seq, AuditEntry Entry, string PrevHash, string Hash);
