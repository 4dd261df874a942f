namespace EKyc.Verification.Tests;

public class SmokeTests
{
    [Fact]
    public void Placeholder_builds() => Assert.Equal(4, 2 + 2);
}
