using System.Globalization;
using EKyc.Documents.Mrz;

namespace EKyc.Documents.Synthetic;

/// <summary>Writes a holder's MRZ lines (ICAO 9303 parts 4–6) with every check digit computed.</summary>
public static class MrzComposer
{
    public static IReadOnlyList<string> Compose(SyntheticHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var number = Field(holder.DocumentNumber, 9);
        var birth = Date(holder.BirthDate);
        var expiry = Date(holder.ExpiryDate);
        var nationality = Field(holder.Nationality, 3);
        var state = Field(holder.IssuingState, 3);
        switch (holder.Format)
        {
            case MrzFormat.Td3:
            {
                var personal = Field(holder.OptionalData, 14);
                var personalCheck = personal.All(c => c == '<') ? "<" : Check(personal);
                var line2 = number + Check(number) + nationality + birth + Check(birth) + holder.Sex + expiry + Check(expiry) + personal + personalCheck;
                var composite = Check(line2[..10] + line2[13..20] + line2[21..43]);
                return ["P<" + state + Names(holder, 39), line2 + composite];
            }
            case MrzFormat.Td2:
            {
                var optional = Field(holder.OptionalData, 7);
                var line2 = number + Check(number) + nationality + birth + Check(birth) + holder.Sex + expiry + Check(expiry) + optional;
                var composite = Check(line2[..10] + line2[13..20] + line2[21..35]);
                return ["I<" + state + Names(holder, 31), line2 + composite];
            }
            case MrzFormat.Td1:
            {
                var line1 = "I<" + state + number + Check(number) + Field(holder.OptionalData, 15);
                var line2 = birth + Check(birth) + holder.Sex + expiry + Check(expiry) + nationality + new string('<', 11);
                var composite = Check(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29]);
                return [line1, line2 + composite, Names(holder, 30)];
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(holder), holder.Format, "synthetic documents are TD1, TD2 or TD3");
        }
    }

    // Surname, two fillers, given names joined by one; cut to the field when too long (ICAO truncates the same way).
    private static string Names(SyntheticHolder holder, int width) =>
        Field(holder.Surname.Replace(' ', '<') + "<<" + holder.GivenNames.Replace(' ', '<'), width);

    private static string Field(string value, int width) =>
        value.Length >= width ? value[..width] : value.PadRight(width, '<');

    private static string Date(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Check(string data) => CheckDigit.Compute(data).ToString(CultureInfo.InvariantCulture);
}
