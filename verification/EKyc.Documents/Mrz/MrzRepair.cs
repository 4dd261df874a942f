using System.Collections.Immutable;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Repairs OCR confusions (0/O, 1/I, 5/S, 8/B, 2/Z, …) in two passes. First, where the field type decides: a digit in
/// a letters-only field, a letter in a date or a check digit. Then, in letter-and-digit fields (document number,
/// optional data), only a swap that makes the covering check digit verify, trying the fewest changes first and giving
/// up when two different repairs would both verify (a guess is not a repair).
/// </summary>
public static class MrzRepair
{
    private const int MaxAmbiguousPositions = 12;
    // A mod-10 digit accepts a random change one time in ten; more than two swaps is guessing.
    private const int MaxChanges = 2;

    public static void Apply(MrzLayout layout, char[][] grid, ImmutableArray<MrzIssue>.Builder issues)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var field in layout.Fields) RepairByType(field, grid, issues);
        RepairUnderChecks(layout, grid, issues);
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
        if (changed) issues.Add(new(MrzIssueCodes.Repaired, MrzSeverity.Notice, field.Name, "field type"));
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

    private static void RepairUnderChecks(MrzLayout layout, char[][] grid, ImmutableArray<MrzIssue>.Builder issues)
    {
        var alphanumeric = new HashSet<(int, int)>();
        foreach (var f in layout.Fields.Where(f => f.Kind == FieldKind.AlphaNumeric))
        {
            for (var i = f.Start; i < f.Start + f.Length; i++) alphanumeric.Add((f.Line, i));
        }

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
                if (ambiguous.Count is > 0 and <= MaxAmbiguousPositions && Search(check, confirm, grid, ambiguous, maxChanges) is { } repair)
                {
                    foreach (var (line, index) in repair) grid[line][index] = OcrConfusions.Alternative(grid[line][index])!.Value;
                    issues.Add(new(MrzIssueCodes.Repaired, MrzSeverity.Notice, check.Name, "check digit"));
                }
            }
            if (Verifies(check, grid)) locked.UnionWith(positions);
        }
    }

    // Tries every set of 1..MaxChanges swaps, smallest first; a size with exactly one verifying set wins, a size with
    // several is ambiguous and ends the search unrepaired.
    private static List<(int Line, int Index)>? Search(MrzCheck check, MrzCheck? confirm, char[][] grid, List<(int Line, int i)> ambiguous, int maxChanges)
    {
        for (var size = 1; size <= Math.Min(maxChanges, ambiguous.Count); size++)
        {
            List<(int, int)>? found = null;
            var count = 0;
            foreach (var subset in Subsets(ambiguous.Count, size))
            {
                Swap(grid, ambiguous, subset);
                var ok = Verifies(check, grid) && (confirm is null || Verifies(confirm, grid));
                Swap(grid, ambiguous, subset);
                if (!ok) continue;
                count++;
                found = subset.Select(k => ambiguous[k]).ToList();
            }
            if (count == 1) return found;
            if (count > 1) return null;
        }
        return null;
    }

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
