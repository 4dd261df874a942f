using EKyc.Verification.Retention;

namespace EKyc.Verification.Tests;

public class RetentionPolicyTests
{
    private static readonly DateTimeOffset Ended = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void After_a_decision_aml_records_are_kept_five_years_by_default()
    {
        var (due, reason) = RetentionPolicy.ErasureDue(Ended, decisionWasMade: true, jurisdiction: null, new RetentionOptions());
        Assert.Equal(Ended.AddDays(1826), due);
        Assert.Equal(RetentionReason.AmlRecordKeeping, reason);
    }

    [Fact]
    public void Withdrawal_before_any_decision_erases_soon_and_jurisdictions_override()
    {
        var options = new RetentionOptions { Jurisdictions = { ["DE"] = new JurisdictionRetention { WithdrawnBeforeDecision = TimeSpan.FromDays(7), AmlRecords = TimeSpan.FromDays(3653) } } };
        Assert.Equal(Ended.AddDays(30), RetentionPolicy.ErasureDue(Ended, false, "GB", options).DueAt);
        Assert.Equal(Ended.AddDays(7), RetentionPolicy.ErasureDue(Ended, false, "de", options).DueAt);
        Assert.Equal(Ended.AddDays(3653), RetentionPolicy.ErasureDue(Ended, true, "DE", options).DueAt);
    }

    [Theory]
    [InlineData(true, false, 10, RetentionReason.None, "legal_hold")]
    [InlineData(false, true, -10, RetentionReason.None, "relationship_active")]
    [InlineData(false, false, 10, RetentionReason.AmlRecordKeeping, "retention_required")]
    [InlineData(false, false, -1, RetentionReason.AmlRecordKeeping, null)]
    [InlineData(false, false, 10, RetentionReason.WithdrawnBeforeDecision, null)]
    public void Erasure_requests_respect_holds_and_retention(bool hold, bool active, int dueInDays, RetentionReason reason, string? blocker) =>
        Assert.Equal(blocker, RetentionPolicy.ErasureBlocker(hold, active, Ended.AddDays(dueInDays), reason, Ended));
}
