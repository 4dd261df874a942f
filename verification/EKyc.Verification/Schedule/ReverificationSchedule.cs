using EKyc.Verification.Workflow;

namespace EKyc.Verification.Schedule;

/// <summary>Pure schedule arithmetic: the plan made at approval, and what (if anything) is due at a given time.</summary>
public static class ReverificationSchedule
{
    public static ReverificationPlan Plan(DateTimeOffset approvedAt, RiskTier tier, DateOnly? documentExpiry, ReverificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DateTimeOffset? expiryDue = documentExpiry is { } d
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - options.DocumentExpiryLead
            : null;
        return new ReverificationPlan(approvedAt + options.IntervalFor(tier), expiryDue);
    }

    /// <summary>The reason re-verification is due at <paramref name="now"/>, or null when nothing is due yet.</summary>
    public static (ReverificationSource Source, string Reason)? DueAt(ReverificationPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.DocumentExpiryDue is { } expiry && expiry <= now)
        {
            return (ReverificationSource.DocumentExpiry, "the identity document expires; a valid document is needed");
        }
        if (plan.PeriodicDue <= now)
        {
            return (ReverificationSource.PeriodicSchedule, "periodic re-verification for the applicant's risk tier");
        }
        return null;
    }
}
