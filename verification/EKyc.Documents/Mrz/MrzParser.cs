using System.Collections.Immutable;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Parses MRZ text (as OCR read it) into an <see cref="MrzDocument"/>: recognises the format by line count and width,
/// repairs OCR confusions the field types and check digits allow (<see cref="MrzRepair"/>), verifies every check
/// digit, splits names and resolves two-digit years. It does not judge the data (expiry, age, codes): that is
/// <see cref="MrzValidator"/>'s job, so a caller can parse without a policy.
/// </summary>
public static class MrzParser
{
    /// <summary>Parses <paramref name="rawLines"/>; <paramref name="today"/> resolves the century of two-digit years.</summary>
    public static MrzReadResult Parse(IReadOnlyList<string> rawLines, DateOnly today) => Parse(rawLines, today, null);

    /// <param name="rawLines">The lines as read.</param>
    /// <param name="today">Resolves the century of two-digit years.</param>
    /// <param name="evidence">
    /// Per line, the recogniser's view of each character (its runner-up and that one's probability), aligned with the
    /// line's characters; when two check-digit repairs both verify, it can tell them apart (see <see cref="MrzRepair"/>).
    /// </param>
    public static MrzReadResult Parse(IReadOnlyList<string> rawLines, DateOnly today, IReadOnlyList<IReadOnlyList<Ocr.RecognizedChar>?>? evidence)
    {
        ArgumentNullException.ThrowIfNull(rawLines);
        var lines = Normalize(rawLines);
        if (Detect(lines) is not { } layout)
        {
            var shape = string.Join("+", lines.Select(l => l.Length));
            return MrzReadResult.Failed(new MrzIssue(MrzIssueCodes.FormatUnrecognized, MrzSeverity.Error, null,
                $"{lines.Count} line(s) of {shape} characters is not TD1 (3×30), TD2/MRV-B (2×36), TD3/MRV-A (2×44) or the French ID (2×36)."));
        }

        var grid = lines.Select(l => l.ToCharArray()).ToArray();
        var issues = ImmutableArray.CreateBuilder<MrzIssue>();
        MrzRepair.Apply(layout, grid, issues, evidence);
        var checks = VerifyChecks(layout, grid, issues);
        var repaired = grid.Select(g => new string(g)).ToImmutableArray();

        var fields = layout.Fields.ToImmutableDictionary(f => f.Name, f => repaired[f.Line].Substring(f.Start, f.Length));
        var (surname, given) = SplitNames(layout, fields);
        var documentNumber = fields[MrzLayout.DocumentNumber].TrimEnd('<');
        if (layout.Format == MrzFormat.Td1 && LongDocumentNumber(repaired) is { } longNumber)
        {
            documentNumber = longNumber.Number;
            checks = checks.SetItem(MrzLayout.DocumentNumber, longNumber.Valid);
            issues.RemoveAll(i => i.Code == MrzIssueCodes.CheckDigitFailed && i.Field == MrzLayout.DocumentNumber);
            if (!longNumber.Valid) issues.Add(new(MrzIssueCodes.CheckDigitFailed, MrzSeverity.Error, MrzLayout.DocumentNumber));
        }

        var birth = ResolveDate(fields[MrzLayout.BirthDate], today, isBirth: true, MrzLayout.BirthDate, issues);
        DateOnly? expiry = fields.TryGetValue(MrzLayout.ExpiryDate, out var rawExpiry)
            ? ResolveDate(rawExpiry, today, isBirth: false, MrzLayout.ExpiryDate, issues)
            : null;
        var sex = fields[MrzLayout.Sex] switch
        {
            "M" => "M",
            "F" => "F",
            "<" or "X" => "X",
            var other => Invalid(issues, other),
        };

        var nationality = fields.TryGetValue(MrzLayout.Nationality, out var nat) ? nat.TrimEnd('<') : null;
        if (layout.Format == MrzFormat.FrenchNationalId) nationality = "FRA";
        return MrzReadResult.Parsed(new MrzDocument
        {
            Format = layout.Format,
            Lines = repaired,
            Fields = fields,
            Surname = surname,
            GivenNames = given,
            DocumentNumber = documentNumber,
            DocumentCode = fields[MrzLayout.DocumentCode].TrimEnd('<'),
            IssuingState = fields[MrzLayout.IssuingState].TrimEnd('<'),
            Nationality = nationality,
            BirthDate = birth,
            ExpiryDate = expiry,
            Sex = sex,
            CheckDigits = checks,
            Issues = issues.ToImmutable(),
        });
    }

    /// <summary>Upper-cases, drops spaces, maps look-alike fillers, and fixes a line that lost or gained trailing filler.</summary>
    public static List<string> Normalize(IReadOnlyList<string> rawLines)
    {
        var lines = rawLines
            .Select(l => new string(l.Where(c => !char.IsWhiteSpace(c)).Select(NormalizeChar).ToArray()))
            .Where(l => l.Length > 0)
            .ToList();
        var width = lines.Count switch
        {
            3 => 30,
            2 when lines.Max(l => l.Length) >= 40 => 44,
            2 => 36,
            _ => 0,
        };
        if (width == 0) return lines;
        // Document code and issuing state are letters in every layout; fixing them first lets the format be told
        // apart (a French ID read as "1DFRA…" is still a French ID).
        lines[0] = new string(lines[0].Select((c, i) => i < 5 && char.IsAsciiDigit(c) ? OcrConfusions.ToLetter(c) ?? c : c).ToArray());
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // OCR often drops or doubles filler at the end of a line; two characters of slack, filler only.
            if (line.Length < width && width - line.Length <= 2) lines[i] = line.PadRight(width, '<');
            else if (line.Length > width && line.Length - width <= 2 && line[width..].All(c => c == '<')) lines[i] = line[..width];
        }
        return lines;
    }

    private static char NormalizeChar(char c) => c switch
    {
        '«' or '‹' or '(' or '[' or '{' => '<',
        _ => char.ToUpperInvariant(c),
    };

    /// <summary>The layout lines of these lengths would be parsed with, or null when they fit no format.</summary>
    public static MrzLayout? Layout(IReadOnlyList<string> rawLines) => Detect(Normalize(rawLines));

    /// <summary>The layout of lines that already have its exact shape (no padding or cutting), so positions index the lines as read.</summary>
    public static MrzLayout? ExactLayout(IReadOnlyList<string> lines) =>
        Layout(lines) is { } layout && lines.Count == layout.Lines && lines.All(l => l.Length == layout.Width) ? layout : null;

    private static MrzLayout? Detect(List<string> lines)
    {
        if (lines.Count == 3 && lines.All(l => l.Length == 30)) return MrzLayout.Td1;
        if (lines.Count != 2 || lines[0].Length != lines[1].Length) return null;
        var visa = lines[0][0] == 'V';
        return lines[0].Length switch
        {
            44 => visa ? MrzLayout.MrvA : MrzLayout.Td3,
            36 when lines[0].StartsWith("IDFRA", StringComparison.Ordinal) => MrzLayout.FrenchNationalId,
            36 => visa ? MrzLayout.MrvB : MrzLayout.Td2,
            _ => null,
        };
    }

    private static ImmutableDictionary<string, bool> VerifyChecks(MrzLayout layout, char[][] grid, ImmutableArray<MrzIssue>.Builder issues)
    {
        var results = ImmutableDictionary.CreateBuilder<string, bool>();
        foreach (var check in layout.Checks)
        {
            var ok = MrzRepair.Verifies(check, grid);
            results[check.Name] = ok;
            if (!ok) issues.Add(new(MrzIssueCodes.CheckDigitFailed, MrzSeverity.Error, check.Name));
        }
        return results.ToImmutable();
    }

    // TD1 document numbers longer than 9 characters continue in the optional data, followed by their check digit; the
    // usual check-digit position then holds filler (ICAO 9303-5 §4.2.4 note j).
    private static (string Number, bool Valid)? LongDocumentNumber(ImmutableArray<string> lines)
    {
        if (lines[0][14] != '<' || lines[0][15] == '<') return null;
        var overflow = lines[0][15..].Split('<')[0];
        if (overflow.Length < 2) return null;
        var number = lines[0][5..14] + overflow[..^1];
        // Issuers differ on whether the filler at position 15 counts: Belgium has printed both.
        var valid = CheckDigit.Verify(number, overflow[^1]) || CheckDigit.Verify(lines[0][5..15] + overflow[..^1], overflow[^1]);
        return (number, valid);
    }

    private static (string Surname, string Given) SplitNames(MrzLayout layout, ImmutableDictionary<string, string> fields)
    {
        if (layout.Format == MrzFormat.FrenchNationalId)
        {
            return (Words(fields[MrzLayout.Surname]), Words(fields[MrzLayout.GivenNames].Replace("<<", "<", StringComparison.Ordinal)));
        }
        var names = fields[MrzLayout.Names];
        var split = names.IndexOf("<<", StringComparison.Ordinal);
        return split < 0 ? (Words(names), "") : (Words(names[..split]), Words(names[(split + 2)..]));
    }

    private static string Words(string field) =>
        string.Join(' ', field.Split('<', StringSplitOptions.RemoveEmptyEntries));

    private static DateOnly? ResolveDate(string yymmdd, DateOnly today, bool isBirth, string field, ImmutableArray<MrzIssue>.Builder issues)
    {
        if (yymmdd.All(c => c == '<')) return null; // not recorded by the issuer
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit)
            || !int.TryParse(yymmdd.AsSpan(2, 2), out var month) || !int.TryParse(yymmdd.AsSpan(4, 2), out var day))
        {
            issues.Add(new(MrzIssueCodes.InvalidDate, MrzSeverity.Error, field));
            return null;
        }
        var yy = int.Parse(yymmdd.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        // Births cannot be in the future; expiries are at most ~50 years ahead (a 1997 visa must not read as 2097).
        var year = isBirth
            ? (2000 + yy > today.Year ? 1900 + yy : 2000 + yy)
            : (2000 + yy > today.Year + 50 ? 1900 + yy : 2000 + yy);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            issues.Add(new(MrzIssueCodes.InvalidDate, MrzSeverity.Error, field));
            return null;
        }
        return new DateOnly(year, month, day);
    }

    private static string Invalid(ImmutableArray<MrzIssue>.Builder issues, string value)
    {
        issues.Add(new(MrzIssueCodes.InvalidSex, MrzSeverity.Error, MrzLayout.Sex, value));
        return "X";
    }
}

/// <summary>A parsed document, or why the text is not an MRZ this parser knows.</summary>
public sealed record MrzReadResult(MrzDocument? Document, MrzIssue? Failure)
{
    public static MrzReadResult Parsed(MrzDocument document) => new(document, null);

    public static MrzReadResult Failed(MrzIssue failure) => new(null, failure);
}
