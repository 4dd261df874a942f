using EKyc.Documents.Mrz;
using EKyc.Documents.Names;

namespace EKyc.Documents.Viz;

/// <summary>
/// Finds the MRZ's surname and given names among the printed lines, in any ICAO spelling of what was printed (Ö as
/// OE or O, accents dropped), with one OCR slip per longer word. When one of the two is found, the other's printed
/// value is among the name-like lines next to it (surname above given names, as ICAO 9303 lays out the visual zone,
/// or before them on the same row); it counts as different only when a candidate was read confidently and none of them shares more
/// than a few letters with the MRZ's name.
/// </summary>
internal static class VizNames
{
    // Label words in the languages of the specimens' bilingual captions: an upper-case caption is not a name.
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "SURNAME", "SURNAMES", "NAME", "NAMES", "GIVEN", "NOM", "NOMS", "PRENOM", "PRENOMS", "VORNAME", "VORNAMEN",
        "NACHNAME", "FAMILIENNAME", "APELLIDOS", "APELLIDO", "NOMBRE", "NOMBRES", "COGNOME", "NOME", "NAZWISKO",
        "IMIONA", "IMIE", "PRIJMENI", "JMENO", "JMENA", "SUKUNIMI", "ETUNIMET", "EFTERNAMN", "FORNAMN", "UTONEV",
        "CSALADI", "NEV", "VARDAS", "PAVARDE", "ACHTERNAAM", "VOORNAMEN", "PASSPORT", "PASSEPORT", "PASAPORTE",
        "REISEPASS", "PASS", "PASZPORT", "CESTOVNI", "PAS", "TYPE", "CODE", "NATIONALITY", "NATIONALITE", "SEX",
        "SEXE", "DATE", "BIRTH", "PLACE", "AUTHORITY", "REPUBLIC", "REPUBLIQUE", "KINGDOM", "UNITED",
        "STATES", "IDENTITY", "CARD", "VISA", "SIGNATURE", "HOLDER", "EXPIRY", "ISSUE",
    };

    private const double SameColumn = 2.5;   // left edges within this many line heights
    private const double MaxGap = 4.0;       // value lines at most this many line heights apart
    private const double ClearlyDifferent = 0.5;

    public static (VizOutcome Surname, VizOutcome Given) Compare(IReadOnlyList<VizLine> lines, string mrzSurname, string mrzGiven, bool truncated, double minConfidence)
    {
        var surname = IcaoTransliteration.Words(mrzSurname.ToUpperInvariant());
        var given = IcaoTransliteration.Words(mrzGiven.ToUpperInvariant());
        var surnameLine = surname.Length == 0 ? null : lines.FirstOrDefault(l => Variants(l).Any(v => ContainsRun(v, surname, truncated)));
        var givenLine = given.Length == 0 ? null : lines.FirstOrDefault(l => Variants(l).Any(v => ContainsAll(v, given, truncated)));

        var surnameOutcome = surnameLine is not null ? VizOutcome.Agrees : VizOutcome.NotCompared;
        var givenOutcome = givenLine is not null ? VizOutcome.Agrees : VizOutcome.NotCompared;
        if (surnameLine is null && givenLine is not null && surname.Length > 0
            && Different(Neighbours(lines, givenLine, above: true), surname, minConfidence))
        {
            surnameOutcome = VizOutcome.Differs;
        }
        if (givenLine is null && surnameLine is not null && given.Length > 0
            && Different(Neighbours(lines, surnameLine, above: false), given, minConfidence))
        {
            givenOutcome = VizOutcome.Differs;
        }
        return (surnameOutcome, givenOutcome);
    }

    private static IReadOnlyList<string[]> Variants(VizLine line) => IcaoTransliteration.Variants(DigitsInWords(line.Text));

    // A digit between letters is a misread letter ("ERIKSS0N"); digits elsewhere stay and separate words.
    private static string DigitsInWords(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 1; i < chars.Length - 1; i++)
        {
            if (char.IsAsciiDigit(chars[i]) && char.IsLetter(chars[i - 1]) && char.IsLetter(chars[i + 1]) && OcrConfusions.ToLetter(chars[i]) is { } letter)
                chars[i] = letter;
        }
        return new string(chars);
    }

    private static bool ContainsRun(string[] words, string[] run, bool truncated)
    {
        for (var i = 0; i + run.Length <= words.Length; i++)
        {
            var ok = true;
            for (var k = 0; k < run.Length && ok; k++) ok = WordMatches(words[i + k], run[k], truncated && k == run.Length - 1);
            if (ok) return true;
        }
        // Hyphenated or spaced surnames appear both ways: compare the letters of the line with the run's.
        var joined = string.Concat(run);
        return joined.Length >= 4 && words.Length <= run.Length + 2 && string.Concat(words).Contains(joined, StringComparison.Ordinal);
    }

    // Given names in any order; or, since OCR often loses the space between printed words ("ANNAMARIA"), their
    // letters run together in the printed order.
    private static bool ContainsAll(string[] words, string[] wanted, bool truncated)
    {
        if (wanted.Select((w, i) => (w, last: i == wanted.Length - 1)).All(x => words.Any(v => WordMatches(v, x.w, truncated && x.last)))) return true;
        var joined = string.Concat(wanted);
        return wanted.Length > 1 && words.Any(w => NameMatcher.Close(w, joined) || truncated && w.StartsWith(joined, StringComparison.Ordinal));
    }

    // The MRZ may cut the last name short; the visual zone prints it whole.
    private static bool WordMatches(string printed, string mrz, bool mayBeTruncated) =>
        NameMatcher.Close(printed, mrz) || mayBeTruncated && mrz.Length >= 2 && printed.StartsWith(mrz, StringComparison.Ordinal);

    /// <summary>
    /// The name-like lines at a similar size before <paramref name="anchor"/> (for the surname) or after it (for the
    /// given names): above or below in its column, or beside it on its row (cards that print the two side by side).
    /// </summary>
    private static List<VizLine> Neighbours(IReadOnlyList<VizLine> lines, VizLine anchor, bool above)
    {
        var h = (double)anchor.Bounds.Height;
        var a = anchor.Bounds;
        return lines
            .Where(l => !ReferenceEquals(l, anchor) && NameLike(l))
            .Where(l => l.Bounds.Height >= 0.7 * h && l.Bounds.Height <= 1.45 * h)
            .Where(l =>
            {
                var b = l.Bounds;
                var gap = above ? a.Top - b.Bottom : b.Top - a.Bottom;
                var inColumn = Math.Abs(b.Left - a.Left) <= SameColumn * h && gap > -0.3 * h && gap <= MaxGap * h;
                var sideGap = above ? a.Left - b.Right : b.Left - a.Right;
                var onRow = Math.Abs((b.Top + b.Bottom) - (a.Top + a.Bottom)) <= h && sideGap > -0.3 * h && sideGap <= MaxGap * h;
                return inColumn || onRow;
            })
            .ToList();
    }

    // Printed names are capitals (or, on some passports, capitalised words: "Virtanen") without digits or slashes;
    // captions are bilingual with slashes, smaller (see the height test above), or one of the label words.
    internal static bool NameLike(VizLine line)
    {
        var letters = line.Text.Where(char.IsLetter).ToList();
        if (letters.Count < 2 || line.Text.Any(c => char.IsAsciiDigit(c) || c is '/' or '<' or ':' or '(')) return false;
        var capitalised = line.Text.Split(' ', '-').Where(w => w.Length > 0).All(w => char.IsUpper(w[0]));
        if (!capitalised && letters.Count(char.IsUpper) < 0.9 * letters.Count) return false;
        var words = IcaoTransliteration.Words(line.Text.ToUpperInvariant());
        return words.Length is > 0 and <= 5 && !words.Any(Labels.Contains);
    }

    // The printed name is one of the candidates (a garbled caption may be another): it differs only when a
    // confidently read candidate exists and none of them resembles the MRZ's name — a misread of the right name
    // keeps most of its letters.
    private static bool Different(List<VizLine> candidates, string[] mrz, double minConfidence)
    {
        if (!candidates.Exists(c => c.Confidence >= minConfidence)) return false;
        var target = string.Concat(mrz);
        return candidates.TrueForAll(c => IcaoTransliteration.Variants(c.Text).All(v =>
            !v.Any(w => mrz.Any(m => NameMatcher.Close(w, m)))
            && EditDistance.Similarity(string.Concat(v), target) < ClearlyDifferent));
    }
}
