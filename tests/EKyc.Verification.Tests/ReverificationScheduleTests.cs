using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;

namespace EKyc.Verification.Tests;

public class ReverificationScheduleTests
{
    private static readonly DateTimeOffset Approved = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReverificationOptions Defaults = new();

    [Theory]
    [InlineData(RiskTier.Low, 1826)]
    [InlineData(RiskTier.Medium, 730)]
    [InlineData(RiskTier.High, 365)]
    public void Default_periods_follow_the_risk_tier(RiskTier tier, int days)
    {
        var plan = ReverificationSchedule.Plan(Approved, tier, null, Defaults);
        Assert.Equal(Approved.AddDays(days), plan.PeriodicDue);
        Assert.Null(plan.DocumentExpiryDue);
    }

    [Fact]
    public void Document_expiry_before_the_periodic_date_comes_first()
    {
        var plan = ReverificationSchedule.Plan(Approved, RiskTier.Low, new DateOnly(2027, 3, 1), Defaults);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), plan.NextDue);
        Assert.Null(ReverificationSchedule.DueAt(plan, new DateTimeOffset(2027, 2, 28, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(ReverificationSource.DocumentExpiry, ReverificationSchedule.DueAt(plan, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero))!.Value.Source);
    }

    [Fact]
    public void Lead_time_moves_the_expiry_date_earlier()
    {
        var options = new ReverificationOptions { DocumentExpiryLead = TimeSpan.FromDays(30) };
        var plan = ReverificationSchedule.Plan(Approved, RiskTier.High, new DateOnly(2026, 6, 30), options);
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 0, 0, 0, TimeSpan.Zero), plan.DocumentExpiryDue);
    }

    [Fact]
    public void Periodic_due_is_reported_once_passed()
    {
        var plan = ReverificationSchedule.Plan(Approved, RiskTier.High, new DateOnly(2030, 1, 1), Defaults);
        Assert.Null(ReverificationSchedule.DueAt(plan, Approved.AddDays(364)));
        Assert.Equal(ReverificationSource.PeriodicSchedule, ReverificationSchedule.DueAt(plan, Approved.AddDays(365))!.Value.Source);
    }
}
