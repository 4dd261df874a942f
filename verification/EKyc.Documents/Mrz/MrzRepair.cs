using System.Collections.Immutable;
using EKyc.Documents.Ocr;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Repairs OCR confusions (0/O, 1/I, 5/S, 8/B, 2/Z, …) in two passes. First, where the field type decides: a digit in
/// a letters-only field, a letter in a date or a check digit. Then, in letter-and-digit fields (document number,
/// optional data), only a swap that makes the covering check digit verify, trying the fewest changes first and giving
/// up when two different repairs would both verify (a guess is not a repair) unless the recogniser's runner-ups tell
/// them apart or, inside the document number, only one keeps the number's letters in a run. A filler
/// read inside a document number, which is left-aligned, takes the recogniser's runner-up where the checks allow it.
/// </summary>
public static class MrzRepair
{
    /// <summary>The detail of a repair the field type decided (a digit in a letters-only field, or the reverse).</summary>
    public const string FieldTypeDetail = "field type";

    private const int MaxAmbiguousPositions = 12;
    // A mod-10 digit accepts a random change one time in ten; more than two swaps is guessing.
    private const int MaxChanges = 2;

    public static void Apply(MrzLayout layout, char[][] grid, ImmutableArray<MrzIssue>.Builder issues, IReadOnlyList<IReadOnlyList<RecognizedChar>?>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var field in layout.Fields) RepairByType(field, grid, issues);
        foreach (var field in layout.Fields.Where(f => f.Name is MrzLayout.Names or MrzLayout.GivenNames)) RepairNameTail(field, grid, issues);
        if (evidence is not null && layout.Field(MrzLayout.DocumentNumber) is { } number) RepairInnerFiller(layout, number, grid, issues, evidence);
        RepairUnderChecks(layout, grid, issues, evidence);
    }

    // Name parts are joined by one filler, surname and given names by two; three in a row can only be the padding
    // after the last name, so a letter read beyond them is filler misread (OCR engines see '<' as K, S or A).
    private static void RepairNameTail(MrzField field, char[][] grid, ImmutableArray<MrzIssue>.Builder issues)
    {
        var text = new string(grid[field.Line], field.Start, field.Length);
        var end = text.IndexOf("<<<", StringComparison.Ordinal);
        if (end < 0 || text.AsSpan(end).IndexOfAnyExcept('<') < 0) return;
        for (var i = field.Start + end; i < field.Start + field.Length; i++) grid[field.Line][i] = '<';
        issues.Add(new(MrzIssueCodes.Repaired, MrzSeverity.Notice, field.Name, "filler"));
    }

    // A document number is left-aligned and padded on the right, so a filler with print after it was a glyph the
    // recogniser lost to '<' (a '<' weighs 0 in a check digit, as A, K and U do, so the digit cannot catch that). Taken
    // only where the recogniser named a letter or digit as its runner-up, and only if the field's check verifies after it
    // and no check that verified before fails.
    private const double MinFillerRunnerUp = 0.1;

    private static void RepairInnerFiller(MrzLayout layout, MrzField field, char[][] grid, ImmutableArray<MrzIssue>.Builder issues, IReadOnlyList<IReadOnlyList<RecognizedChar>?> evidence)
    {
        var row = grid[field.Line];
        var chars = field.Line < evidence.Count ? evidence[field.Line] : null;
        var last = Array.FindLastIndex(row, field.Start + field.Length - 1, field.Length, c => c != '<');
        if (chars is null || chars.Count != row.Length || last < 0) return;
        var check = layout.Checks.FirstOrDefault(c => c.Name == field.Name);
        var verifiedBefore = layout.Checks.Where(c => Verifies(c, grid)).ToList();
        var before = new string(row, field.Start, field.Length);
        for (var i = field.Start; i < last; i++)
        {
            var seen = chars[i];
            if (row[i] != '<' || seen.Value != '<' || seen.AlternativeProbability < MinFillerRunnerUp) continue;
            if (char.IsAsciiDigit(seen.Alternative) || char.IsAsciiLetterUpper(seen.Alternative)) row[i] = seen.Alternative;
        }
        if (before.AsSpan().SequenceEqual(row.AsSpan(field.Start, field.Length))) return;
        if ((check is not null && !Verifies(check, grid)) || verifiedBefore.Any(c => !Verifies(c, grid)))
        {
            before.CopyTo(0, row, field.Start, field.Length);
            return;
        }
        issues.Add(new(MrzIssueCodes.Repaired, MrzSeverity.Notice, field.Name, "filler inside the number, recogniser's second choice"));
    }

    public static bool Verifies(MrzCheck check, char[][] grid)
    {
        var data = string.Concat(check.Spans.Select(s => new string(grid[s.Line], s.Start, s.Length)));
        return CheckDigit.Verify(data, grid[check.Line][check.Position]);
    }

    private static void RepairByType(MrzField field, char[][] grid, ImmutableArray<MrzIssue>.Builder issues)
    {
        var row = grid[field.Line];
        var changed = false;
        var invalid = false;
        var before = new string(row, field.Start, field.Length);
        for (var i = field.Start; i < field.Start + field.Length; i++)
        {
            var c = row[i];
            char? fix = field.Kind switch
            {
                FieldKind.Alpha when char.IsAsciiDigit(c) => OcrConfusions.ToLetter(c),
                FieldKind.Numeric or FieldKind.Check when char.IsAsciiLetterUpper(c) => OcrConfusions.ToDigit(c),
                _ => null,
            };
            if (fix is { } f)
            {
                row[i] = f;
                changed = true;
            }
            else if (!Allowed(field.Kind, row[i]))
            {
                invalid = true;
            }
        }
        // A code or date that stays invalid after its look-alikes are swapped was not misread but printed that way
        // (some issuers put digits in the nationality field): leave it exactly as read. A name keeps the swaps.
        if (changed && invalid && !field.IsName)
        {
            before.CopyTo(0, row, field.Start, field.Length);
            changed = false;
        }
        if (changed) issues.Add(new(MrzIssueCodes.Repaired, MrzSeverity.Notice, field.Name, FieldTypeDetail));
        if (invalid) issues.Add(new(MrzIssueCodes.InvalidCharacters, MrzSeverity.Error, field.Name));
    }

    private static bool Allowed(FieldKind kind, char c) => kind switch
    {
        FieldKind.Alpha => char.IsAsciiLetterUpper(c) || c == '<',
        FieldKind.Numeric => char.IsAsciiDigit(c) || c == '<',
        FieldKind.Check => char.IsAsciiDigit(c) || c == '<',
        FieldKind.Sex => c is 'M' or 'F' or 'X' or '<',
        _ => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '<',
    };

    private static void RepairUnderChecks(MrzLayout layout, char[][] grid, ImmutableArray<MrzIssue>.Builder issues, IReadOnlyList<IReadOnlyList<RecognizedChar>?>? evidence)
    {
        var alphanumeric = new HashSet<(int, int)>();
        foreach (var f in layout.Fields.Where(f => f.Kind == FieldKind.AlphaNumeric))
        {
            for (var i = f.Start; i < f.Start + f.Length; i++) alphanumeric.Add((f.Line, i));
        }

        // The document number is where issuers' numbering schemes give letters a place (see Alternations).
        var number = layout.Field(MrzLayout.DocumentNumber);
        var composite = layout.Checks.FirstOrDefault(c => c.Name == MrzLayout.Composite);
        var locked = new HashSet<(int, int)>();
        // Field checks before the composite: each pins its own characters, which the composite then cannot move. A
        // field repair must also leave the composite valid when the format has one.
        foreach (var check in layout.Checks.OrderBy(c => c == composite ? 1 : 0))
        {
            var positions = check.Spans
                .SelectMany(s => Enumerable.Range(s.Start, s.Length).Select(i => (s.Line, i)))
                .ToList();
            if (!Verifies(check, grid))
            {
                var ambiguous = positions
                    .Where(p => alphanumeric.Contains(p) && !locked.Contains(p) && OcrConfusions.Alternative(grid[p.Line][p.i]) is not null)
                    .ToList();
                var confirm = check == composite || composite is null ? null : composite;
                var maxChanges = check == composite ? 1 : MaxChanges;
                if (ambiguous.Count is > 0 and <= MaxAmbiguousPositions && Search(check, confirm, grid, ambiguous, maxChanges, number, evidence) is { } repair)
                {
                    Swap(grid, repair.Swaps);
                    issues.Add(new(MrzIssueCodes.Repaired, MrzSeverity.Notice, check.Name, repair.Detail));
                }
            }
            if (Verifies(check, grid)) locked.UnionWith(positions);
        }
    }

    /// <summary>The detail of a check-digit repair that exactly one smallest swap set satisfied; the other check-digit details extend it.</summary>
    public const string CheckDigitDetail = "check digit";

    /// <summary>The detail of a check-digit repair that several swap sets satisfied and the recogniser's runner-ups decided.</summary>
    public const string EvidenceDetail = "check digit, recogniser's second choice";

    /// <summary>The detail of a check-digit repair that several swap sets satisfied and the letters' grouping decided.</summary>
    public const string GroupingDetail = "check digit, letters kept together";

    // Tries every set of 1..MaxChanges swaps, smallest first; a size with exactly one verifying set wins. A size with
    // several is ambiguous and ends the search unrepaired, unless the recogniser itself named the swapped characters
    // as its second choice for one set far more strongly than for any other (then that set is the reading it nearly
    // made, not a guess), or exactly one set keeps the letters of the field together (see Alternations).
    private static (List<(int Line, int Index)> Swaps, string Detail)? Search(MrzCheck check, MrzCheck? confirm, char[][] grid, List<(int Line, int i)> ambiguous, int maxChanges, MrzField? number, IReadOnlyList<IReadOnlyList<RecognizedChar>?>? evidence)
    {
        for (var size = 1; size <= Math.Min(maxChanges, ambiguous.Count); size++)
        {
            var found = new List<List<(int, int)>>();
            foreach (var subset in Subsets(ambiguous.Count, size))
            {
                Swap(grid, ambiguous, subset);
                var ok = Verifies(check, grid) && (confirm is null || Verifies(confirm, grid));
                Swap(grid, ambiguous, subset);
                if (ok) found.Add(subset.Select(k => ambiguous[k]).ToList());
            }
            if (found.Count == 1) return (found[0], CheckDigitDetail);
            if (found.Count > 1)
            {
                if (evidence is not null)
                {
                    var ranked = found.Select(f => (Swaps: f, Support: Support(f, grid, evidence))).OrderByDescending(r => r.Support).ToList();
                    if (ranked[0].Support >= MinSupport && ranked[0].Support >= SupportMargin * ranked[1].Support) return (ranked[0].Swaps, EvidenceDetail);
                }
                if (number is null || !found.All(f => f.All(p => Within(number, p)))) return null;
                var grouped = found.Select(f => (Swaps: f, Alternations: Alternations(grid, f, number))).OrderBy(r => r.Alternations).ToList();
                return grouped[0].Alternations < grouped[1].Alternations ? (grouped[0].Swaps, GroupingDetail) : null;
            }
        }
        return null;
    }

    // Issuers number documents with the letters in runs: a prefix (AA0000000, XP8271602, ZE000509), a block
    // (555123ABC), seldom one letter alone among digits. So where the check digits accept two repairs that both lie in
    // the document number, the one that changes between letters and digits fewer times is the likelier reading:
    // 0K3709088 becomes OK3709088, not 0K37O9088. Optional data follows no such scheme and is left to the evidence.
    private static int Alternations(char[][] grid, List<(int Line, int Index)> swaps, MrzField number)
    {
        Swap(grid, swaps);
        var row = grid[number.Line];
        var count = 0;
        for (var i = number.Start + 1; i < number.Start + number.Length; i++)
        {
            char a = row[i - 1], b = row[i];
            if (a != '<' && b != '<' && char.IsAsciiLetter(a) != char.IsAsciiLetter(b)) count++;
        }
        // Each swap is its own inverse: the grid is as it was.
        Swap(grid, swaps);
        return count;
    }

    private static bool Within(MrzField field, (int Line, int Index) p) => p.Line == field.Line && p.Index >= field.Start && p.Index < field.Start + field.Length;

    private static void Swap(char[][] grid, IEnumerable<(int Line, int Index)> positions)
    {
        foreach (var (line, index) in positions) grid[line][index] = OcrConfusions.Alternative(grid[line][index])!.Value;
    }

    private const double MinSupport = 0.05;
    private const double SupportMargin = 4;

    // How strongly the recogniser proposed these swaps: the product of the runner-up probabilities where the runner-up
    // is the swapped-in character, a small floor where it was not.
    private static double Support(List<(int Line, int Index)> swaps, char[][] grid, IReadOnlyList<IReadOnlyList<RecognizedChar>?> evidence)
    {
        var support = 1.0;
        foreach (var (line, index) in swaps)
        {
            var target = OcrConfusions.Alternative(grid[line][index]);
            var chars = line < evidence.Count ? evidence[line] : null;
            var seen = chars is not null && index < chars.Count && chars[index].Value == grid[line][index] ? chars[index] : null;
            support *= seen is not null && seen.Alternative == target ? Math.Max(seen.AlternativeProbability, 1e-3) : 1e-3;
        }
        return support;
    }

    // The search's inner loop: by index, without an enumerator per subset.
    private static void Swap(char[][] grid, List<(int Line, int i)> positions, int[] subset)
    {
        foreach (var k in subset)
        {
            var (line, i) = positions[k];
            grid[line][i] = OcrConfusions.Alternative(grid[line][i])!.Value;
        }
    }

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        var index = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return (int[])index.Clone();
            var i = size - 1;
            while (i >= 0 && index[i] == n - size + i) i--;
            if (i < 0) yield break;
            index[i]++;
            for (var j = i + 1; j < size; j++) index[j] = index[j - 1] + 1;
        }
    }
}
