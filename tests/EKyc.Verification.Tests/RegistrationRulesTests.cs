using EKyc.Verification.Applicants;

namespace EKyc.Verification.Tests;

public class RegistrationRulesTests
{
    [Theory]
    [InlineData("ada@example.org", true)]
    [InlineData("ada.maria+kyc@mail.example.co.uk", true)]
    [InlineData("ada@example", false)]
    [InlineData("Ada <ada@example.org>", false)]
    [InlineData("ada @example.org", false)]
    [InlineData("ada@@example.org", false)]
    [InlineData("", false)]
    public void Email(string email, bool ok) =>
        Assert.Equal(ok, !RegistrationRules.Validate("Ada", "Testperson", email, "+441632960123").Any(e => e.Code == "invalid_email"));

    [Theory]
    [InlineData("+441632960123", true)]
    [InlineData("+12025550143", true)]
    [InlineData("+4916012345", true)]
    [InlineData("441632960123", false)]
    [InlineData("+44 1632 960123", false)]
    [InlineData("+0441632960", false)]
    [InlineData("+1234567", false)]
    [InlineData("+1234567890123456", false)]
    public void Phone_in_E164(string phone, bool ok) =>
        Assert.Equal(ok, !RegistrationRules.Validate("Ada", "Testperson", "ada@example.org", phone).Any(e => e.Code == "invalid_phone"));

    [Theory]
    [InlineData("Zoë", true)]
    [InlineData("O'Brien-Smith", true)]
    [InlineData("", false)]
    [InlineData("R2D2", false)]
    [InlineData("<script>", false)]
    public void Names(string surname, bool ok) =>
        Assert.Equal(ok, RegistrationRules.Validate("Ada", surname, "ada@example.org", "+441632960123").Count == 0);
}
