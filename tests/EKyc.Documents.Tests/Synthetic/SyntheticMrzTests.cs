using EKyc.Documents.Mrz;
using EKyc.Documents.Synthetic;

namespace EKyc.Documents.Tests.Synthetic;

/// <summary>The synthetic generator's data: valid MRZs of specimen holders, reproducible from the seed.</summary>
public sealed class SyntheticMrzTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(MrzFormat.Td1)]
    [InlineData(MrzFormat.Td2)]
    [InlineData(MrzFormat.Td3)]
    public void Composed_mrzs_parse_with_every_check_digit_valid_and_the_holders_fields(MrzFormat format)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var holder = SyntheticHolder.Random(new Random(seed), format);
            var lines = MrzComposer.Compose(holder);
            var doc = MrzParser.Parse(lines, Today).Document;
            Assert.True(doc is not null, string.Join('|', lines));
            Assert.Equal(format, doc.Format);
            Assert.True(doc.ChecksValid, string.Join('|', lines));
            Assert.Equal(lines, doc.Lines);
            Assert.Equal(holder.DocumentNumber, doc.DocumentNumber);
            Assert.Equal(holder.BirthDate, doc.BirthDate);
            Assert.Equal(holder.ExpiryDate, doc.ExpiryDate);
            Assert.Equal(holder.Surname, doc.Surname);
            Assert.True(IcaoCodes.IsKnown(doc.IssuingState), doc.IssuingState);
        }
    }

    [Fact]
    public void Holders_are_specimen_identities_only()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var holder = SyntheticHolder.Random(new Random(seed), MrzFormat.Td3);
            Assert.Contains((holder.Surname, holder.GivenNames), SpecimenHolders.All);
        }
    }
}
