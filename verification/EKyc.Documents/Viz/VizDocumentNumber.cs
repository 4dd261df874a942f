using System.Text;
using EKyc.Documents.Mrz;

namespace EKyc.Documents.Viz;

/// <summary>
/// Looks for the MRZ's document number in the printed lines. Both sides are folded the same way first (letters OCR
/// mistakes for digits become those digits, spaces and punctuation go), so "L898902C3" printed and read as
/// "L8989O2C3" still agrees. A printed token of the same shape — same length give or take one, about as many digits
/// — that differs in two to half of its characters is another number in the number's place; one character off may
/// be an OCR slip, and a token that differs in most characters is some other number on the page: both say nothing.
/// </summary>
internal static class VizDocumentNumber
{
    private const int MinLength = 5;

    public static VizOutcome Compare(IReadOnlyList<VizLine> lines, string mrzNumber, DateOnly today, double minConfidence)
    {
        var number = Fold(mrzNumber);
        if (number.Length < MinLength) return VizOutcome.NotCompared;
        if (lines.Any(l => Fold(l.Text).Contains(number, StringComparison.Ordinal))) return VizOutcome.Agrees;

        var limit = Math.Max(3, number.Length / 2);
        foreach (var line in lines.Where(l => l.Confidence >= minConfidence))
        {
            var tokens = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            // Issuers print numbers in groups ("AA 0000000"): a short line is also one token.
            if (tokens.Count is > 1 and <= 3) tokens.Add(string.Concat(tokens));
            foreach (var token in tokens)
            {
                if (VizDateParser.Find(token, today).Count > 0) continue; // dates are printed digit runs too
                var folded = Fold(token);
                if (Math.Abs(folded.Length - number.Length) > 1 || !SameShape(token, mrzNumber)) continue;
                var distance = EditDistance.Levenshtein(folded, number);
                // One character off is as likely an OCR slip as an edit: only two or more count.
                if (distance >= 2 && distance <= limit) return VizOutcome.Differs;
            }
        }
        return VizOutcome.NotCompared;
    }

    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.ToUpperInvariant())
        {
            if (char.IsAsciiDigit(raw)) sb.Append(raw);
            else if (char.IsAsciiLetterUpper(raw)) sb.Append(OcrConfusions.ToDigit(raw) ?? raw);
        }
        return sb.ToString();
    }

    // Digits where the number has digits, give or take one: a date or a word is not a number in its place.
    private static bool SameShape(string token, string number)
    {
        var t = token.Where(char.IsAsciiLetterOrDigit).ToArray();
        if (t.Length == 0 || !t.Any(char.IsAsciiDigit)) return false;
        var digitsT = t.Count(char.IsAsciiDigit);
        var digitsN = number.Count(char.IsAsciiDigit);
        return Math.Abs(digitsT - digitsN) <= 2 && token.All(c => char.IsAsciiLetterOrDigit(c));
    }
}
