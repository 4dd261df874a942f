using System.Globalization;
using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>
/// Parses the date-of-birth phrases the lists print: "28 Jul 1963", "Jul 1963", "1963", "circa 1963",
/// "1960 to 1962", "01 Jan 1960 to 31 Dec 1962", ISO "1963-07-28". Returns null for anything else rather than guess.
/// </summary>
public static class BirthDateText
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static PartialDate? Parse(string text)
    {
        var value = text.Trim().TrimEnd('.').Trim();
        var approximate = false;
        if (value.StartsWith("circa ", StringComparison.OrdinalIgnoreCase))
        {
            approximate = true;
            value = value[6..].Trim();
        }

        var to = value.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to > 0)
        {
            var start = ParseSingle(value[..to]);
            var until = ParseSingle(value[(to + 4)..]);
            return start is null || until is null ? null
                : start.Year == until.Year ? start with { Approximate = true }
                : new PartialDate(start.Year, ToYear: until.Year, Approximate: true);
        }

        var single = ParseSingle(value);
        return single is null ? null : single with { Approximate = approximate };
    }

    private static PartialDate? ParseSingle(string text)
    {
        var value = text.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return new PartialDate(iso.Year, iso.Month, iso.Day);
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts.Length)
        {
            case 1 when Year(parts[0]) is { } y:
                return new PartialDate(y);
            case 2 when Month(parts[0]) is { } m && Year(parts[1]) is { } y:
                return new PartialDate(y, m);
            case 3 when int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                        && Month(parts[1]) is { } m && Year(parts[2]) is { } y && d is >= 1 and <= 31:
                return new PartialDate(y, m, d);
            default:
                return null;
        }
    }

    private static int? Year(string text) =>
        text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1850 and < 2100 ? y : null;

    private static int? Month(string text)
    {
        if (text.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(Months, text[..3].ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }
}
