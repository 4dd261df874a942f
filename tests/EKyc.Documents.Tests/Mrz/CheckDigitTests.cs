using EKyc.Documents.Mrz;

namespace EKyc.Documents.Tests.Mrz;

public sealed class CheckDigitTests
{
    // Values from the ICAO 9303 part 3 worked examples (the specimen document number and dates).
    [Theory]
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("<<<<<<<<<", 0)]
    public void Computes_the_7_3_1_digit(string data, int expected) => Assert.Equal(expected, CheckDigit.Compute(data));

    [Fact]
    public void A_character_outside_the_mrz_set_never_verifies()
    {
        Assert.Equal(-1, CheckDigit.Compute("AB?12"));
        for (var d = '0'; d <= '9'; d++) Assert.False(CheckDigit.Verify("AB?12", d));
    }

    [Fact]
    public void Filler_check_digit_is_accepted_only_for_an_empty_field()
    {
        Assert.True(CheckDigit.Verify("<<<<<<<<<<<<<<", '<'));
        Assert.False(CheckDigit.Verify("ZE184226B<<<<<", '<'));
    }
}
