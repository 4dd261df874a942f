namespace EKyc.Documents.Names;

/// <summary>
/// Compares a registered name (free text, any script accents) with an MRZ name (ICAO capitals). Surnames must agree
/// word for word — allowing for the MRZ truncating a long name — and the registered given names must all appear on
/// the document, in any order (people register "Anna" for "ANNA MARIA", or swap their given names). One OCR slip per
/// longer word is tolerated, since MRZ names have no check digit.
/// </summary>
public static class NameMatcher
{
    public static NameMatch Compare(string registeredGiven, string registeredSurname, string documentGiven, string documentSurname, bool documentNamesTruncated = false)
    {
        var docSurname = IcaoTransliteration.Words(documentSurname.ToUpperInvariant());
        var docGiven = IcaoTransliteration.Words(documentGiven.ToUpperInvariant());
        var surnameVariants = IcaoTransliteration.Variants(registeredSurname);
        var givenVariants = IcaoTransliteration.Variants(registeredGiven);

        var surnameOk = surnameVariants.Any(v => SameWords(v, docSurname, documentNamesTruncated));
        var givenOk = givenVariants.Any(v => v.Length > 0 && v.All(w => docGiven.Any(d => Close(w, d)) || documentNamesTruncated && docGiven.Length > 0 && w.StartsWith(docGiven[^1], StringComparison.Ordinal)));
        if (surnameOk && (givenOk || docGiven.Length == 0 && givenVariants.All(v => v.Length == 0))) return NameMatch.Match;

        var docWords = docSurname.Concat(docGiven).ToHashSet(StringComparer.Ordinal);
        var shared = surnameVariants.Concat(givenVariants).Any(v => v.Any(w => docWords.Any(d => Close(w, d))));
        return shared ? NameMatch.Partial : NameMatch.Different;
    }

    private static bool SameWords(string[] registered, string[] document, bool truncated)
    {
        if (registered.Length == document.Length && registered.Zip(document).All(p => Close(p.First, p.Second))) return true;
        // Hyphenated or spaced surnames appear both ways; compare the letters alone as a fallback.
        var a = string.Concat(registered);
        var b = string.Concat(document);
        return Close(a, b) || truncated && b.Length > 0 && a.StartsWith(b, StringComparison.Ordinal);
    }

    // Names carry no check digit, so one OCR slip (a dropped, added or misread letter) is tolerated in a word of four
    // letters or more; shorter words must agree exactly, or "ANA" would match "AN".
    internal static bool Close(string a, string b)
    {
        if (a == b) return true;
        if (Math.Max(a.Length, b.Length) < 4 || Math.Abs(a.Length - b.Length) > 1) return false;
        return EditDistanceAtMostOne(a, b);
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length == b.Length) i++;
            j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
