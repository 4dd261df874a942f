namespace EKyc.Verification.Retention;

/// <summary>Why and until when an applicant's personal data must be kept. Persisted: never renumber.</summary>
public enum RetentionReason
{
    None = 0,
    AmlRecordKeeping = 1,
    WithdrawnBeforeDecision = 2,
}

/// <summary>The pure retention rules: when erasure becomes due, and whether an erasure request can be honoured now.</summary>
public static class RetentionPolicy
{
    /// <summary>When the data may (and must) be erased after the relationship ended at <paramref name="endedAt"/>.</summary>
    public static (DateTimeOffset DueAt, RetentionReason Reason) ErasureDue(
        DateTimeOffset endedAt, bool decisionWasMade, string? jurisdiction, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = jurisdiction is not null && options.Jurisdictions.TryGetValue(jurisdiction, out var j) ? j : null;
        return decisionWasMade
            ? (endedAt + (local?.AmlRecords ?? options.AmlRecords), RetentionReason.AmlRecordKeeping)
            : (endedAt + (local?.WithdrawnBeforeDecision ?? options.WithdrawnBeforeDecision), RetentionReason.WithdrawnBeforeDecision);
    }

    /// <summary>Stable code for refusing an erasure now, or null when it may proceed.</summary>
    public static string? ErasureBlocker(bool legalHold, bool relationshipActive, DateTimeOffset? dueAt, RetentionReason reason, DateTimeOffset now)
    {
        if (legalHold) return "legal_hold";
        if (relationshipActive) return "relationship_active";
        if (reason == RetentionReason.AmlRecordKeeping && dueAt > now) return "retention_required";
        return null;
    }
}
