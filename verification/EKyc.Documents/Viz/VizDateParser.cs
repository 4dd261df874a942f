using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EKyc.Documents.Viz;

/// <summary>
/// Finds the dates printed in a line of visual-zone text, in the forms issuers use: a month abbreviation, possibly
/// bilingual ("12 AUG/AOÛT 1964", "01 JAN /JAN 85"), day-month-year numbers with one separator ("12.08.1964",
/// "12/08/64", "12 08 1964"), year first ("1978.02.22."), and the same digits with a separator OCR lost
/// ("0107.2014", "23111959"). A date that can be read more than one way (a
/// two-digit year, or 04/10/49 as day/month or month/day) keeps every valid reading, so a comparison can ask
/// whether any of them is the MRZ's date.
/// </summary>
public static partial class VizDateParser
{
    // Month abbreviations of the languages on ICAO documents' bilingual labels (EN, FR, DE, ES, IT, NL, PT, PL, SV),
    // folded to ASCII capitals; none is shared between two months.
    private static readonly Dictionary<string, int> Months = Build(
        ("JAN JANV ENE GEN STY", 1),
        ("FEB FEV FEVR LUT", 2),
        ("MAR MARS MRZ MAER MRT MARZ", 3),
        ("APR AVR ABR KWI", 4),
        ("MAY MAI MAG MAJ MEI", 5),
        ("JUN JUIN GIU CZE", 6),
        ("JUL JUIL LUG LIP", 7),
        ("AUG AOU AOUT AGO SIE", 8),
        ("SEP SEPT SET WRZ", 9),
        ("OCT OKT OTT OUT PAZ", 10),
        ("NOV LIS", 11),
        ("DEC DEZ DIC GRU", 12));

    /// <summary>Every date in <paramref name="text"/>; <paramref name="today"/> bounds two-digit years (no future births).</summary>
    public static IReadOnlyList<VizDate> Find(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var upper = Fold(text);
        var found = new List<VizDate>();
        var taken = new bool[upper.Length];
        foreach (Match m in Named().Matches(upper))
        {
            var month = Month(Letters(m.Groups["m1"].Value)) ?? (m.Groups["m2"].Success ? Month(Letters(m.Groups["m2"].Value)) : null);
            if (month is null) continue;
            Add(found, taken, m, Readings(int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), [month.Value], m.Groups["y"].Value, today));
        }
        foreach (Match m in YearFirst().Matches(upper))
        {
            if (Overlaps(taken, m)) continue;
            var readings = Readings(Int(m.Groups["c"]), [Int(m.Groups["b"])], m.Groups["a"].Value, today);
            Add(found, taken, m, readings);
        }
        foreach (Match m in OneSeparatorLost().Matches(upper))
        {
            // "0107.2014", "01.072014": OCR dropped one of the two dots, the digit groups still say which is which.
            if (Overlaps(taken, m)) continue;
            var digits = m.Value.Where(char.IsAsciiDigit).ToArray();
            var day = (digits[0] - '0') * 10 + digits[1] - '0';
            var month = (digits[2] - '0') * 10 + digits[3] - '0';
            Add(found, taken, m, Readings(day, [month], new string(digits[4..]), today));
        }
        foreach (Match m in Compact().Matches(upper))
        {
            // "23111959": spaced digit groups whose spaces OCR lost; only a valid day, month and four-digit year.
            if (Overlaps(taken, m)) continue;
            var v = m.Value;
            var year = int.Parse(v[4..], CultureInfo.InvariantCulture);
            if (year is < 1900 or > 2099) continue;
            Add(found, taken, m, Readings(int.Parse(v[..2], CultureInfo.InvariantCulture), [int.Parse(v[2..4], CultureInfo.InvariantCulture)], v[4..], today));
        }
        foreach (Match m in Numeric().Matches(upper))
        {
            if (Overlaps(taken, m)) continue;
            var separator = m.Groups["s"].Value;
            if (separator == " " && m.Groups["y"].Length != 4) continue; // spaced two-digit groups are too often not a date
            int first = Int(m.Groups["d"]), second = Int(m.Groups["m"]);
            var readings = Readings(first, [second], m.Groups["y"].Value, today).ToList();
            // Slashes are also the US month/day order; dots and dashes are day first everywhere they are printed.
            if (separator == "/" && first != second) readings.AddRange(Readings(second, [first], m.Groups["y"].Value, today));
            Add(found, taken, m, readings);
        }
        return found;
    }

    private static void Add(List<VizDate> found, bool[] taken, Match m, List<DateOnly> readings)
    {
        if (readings.Count == 0) return;
        for (var i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
        found.Add(new VizDate([.. readings.Distinct()], m.Index));
    }

    private static bool Overlaps(bool[] taken, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length; i++) if (taken[i]) return true;
        return false;
    }

    private static List<DateOnly> Readings(int day, int[] months, string year, DateOnly today)
    {
        var readings = new List<DateOnly>();
        var years = year.Length == 4
            ? [int.Parse(year, CultureInfo.InvariantCulture)]
            : new[] { 2000 + int.Parse(year, CultureInfo.InvariantCulture), 1900 + int.Parse(year, CultureInfo.InvariantCulture) };
        foreach (var y in years)
        {
            // Two-digit years: both centuries where plausible for a document (a century back, a few decades ahead).
            if (year.Length == 2 && (y > today.Year + 30 || y < today.Year - 110)) continue;
            foreach (var month in months)
            {
                if (y is < 1880 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, month)) continue;
                readings.Add(new DateOnly(y, month, day));
            }
        }
        return readings;
    }

    private static int? Month(string word)
    {
        if (word.Length < 3) return null;
        if (Months.TryGetValue(word, out var m)) return m;
        return word.Length > 3 && Months.TryGetValue(word[..3], out m) ? m : null;
    }

    // Inside a month word a 0 or 1 is a misread O or I ("AOUT" read as "A0UT").
    private static string Letters(string word) => word.Replace('0', 'O').Replace('1', 'I');

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    // Capitals without diacritics, and the letter-for-digit slips OCR makes inside numbers (O for 0, I or l for 1).
    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToUpperInvariant(raw);
            sb.Append(c switch
            {
                'À' or 'Á' or 'Â' or 'Ã' or 'Ä' or 'Å' => 'A',
                'È' or 'É' or 'Ê' or 'Ë' => 'E',
                'Ì' or 'Í' or 'Î' or 'Ï' => 'I',
                'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ö' => 'O',
                'Ù' or 'Ú' or 'Û' or 'Ü' => 'U',
                _ => c,
            });
        }
        var folded = sb.ToString();
        return DigitSlip().Replace(folded, m => m.Value.Replace('O', '0').Replace('I', '1').Replace('L', '1'));
    }

    private static Dictionary<string, int> Build(params (string Words, int Month)[] rows)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (words, month) in rows)
            foreach (var w in words.Split(' ')) map.Add(w, month);
        return map;
    }

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})\s*[.\-/]?\s*(?<m1>[A-Z][A-Z01]{2,8})\.?(?:\s*[/,|]\s*(?<m2>[A-Z][A-Z01]{2,8})\.?)?\s*[.\-/,]?\s*(?<y>[0-9]{4}|[0-9]{2})(?![0-9])")]
    private static partial Regex Named();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})\s*(?<s>[./\-]|\s)\s*(?<m>[0-9]{1,2})\s*\k<s>\s*(?<y>[0-9]{4}|[0-9]{2})(?![0-9])")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![0-9.])(?:[0-9]{4}\.[0-9]{4}|[0-9]{2}\.[0-9]{6})(?![0-9.])")]
    private static partial Regex OneSeparatorLost();

    [GeneratedRegex(@"(?<![0-9A-Z])[0-9]{8}(?![0-9A-Z])")]
    private static partial Regex Compact();

    [GeneratedRegex(@"(?<![0-9])(?<a>[0-9]{4})\s*(?<s>[./\-])\s*(?<b>[0-9]{1,2})\s*\k<s>\s*(?<c>[0-9]{1,2})(?![0-9])")]
    private static partial Regex YearFirst();

    // A letter O, I or L standing between digits (or a digit and a date separator) is a misread digit.
    [GeneratedRegex(@"(?<=[0-9])[OIL]+(?=[0-9./\- ])|(?<=[0-9./\- ])[OIL]+(?=[0-9])")]
    private static partial Regex DigitSlip();
}

/// <summary>A date found in the text: its valid readings (one unless ambiguous) and where in the line it starts.</summary>
public sealed record VizDate(IReadOnlyList<DateOnly> Readings, int Position)
{
    /// <summary>
    /// Whether a reading is <paramref name="date"/> as an MRZ holds it: day, month and two-digit year. The MRZ has
    /// no century (a specimen born in 1911 reads back as 2011), so the printed four-digit year decides nothing more.
    /// </summary>
    public bool Is(DateOnly date) => Readings.Any(r => r.Day == date.Day && r.Month == date.Month && r.Year % 100 == date.Year % 100);

    /// <summary>The reading nearest <paramref name="today"/>: a two-digit year's likelier century.</summary>
    public DateOnly Likely(DateOnly today) => Readings.MinBy(r => Math.Abs(r.DayNumber - today.DayNumber));
}
