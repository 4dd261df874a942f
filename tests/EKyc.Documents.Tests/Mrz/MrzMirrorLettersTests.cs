using EKyc.Documents.Mrz;
using EKyc.Documents.Synthetic;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>
/// M against N by the glyph's mirror symmetry, on a rendered passport in OCR-B (seed 3: SPECIMEN&lt;&lt;SPECIMEN, two
/// of each letter in the name line).
/// </summary>
public sealed class MrzMirrorLettersTests
{
    private const int Seed = 3;

    [Fact]
    public void The_cells_of_a_printed_line_are_found_and_M_is_symmetric_where_N_is_not()
    {
        using var generator = new SyntheticDocuments(Fonts.Debian);
        using var document = generator.Generate(Seed, CaptureDegradation.None, MrzFormat.Td3);
        using var band = MrzLocator.Locate(document.Image);
        Assert.NotNull(band);
        var line = document.MrzLines[0];
        var cells = MrzGlyphCells.Locate(band.Lines[0], line.Length);
        Assert.NotNull(cells);
        // Every printed character has a cell; the fillers do too (a chevron is ink).
        Assert.All(cells, c => Assert.NotNull(c));
        var names = Enumerable.Range(5, line.Length - 5).ToList();
        Assert.Contains(names, i => line[i] == 'M');
        Assert.Contains(names, i => line[i] == 'N');
        foreach (var i in names.Where(i => line[i] == 'M')) Assert.True(MrzMirrorLetters.MirrorSymmetry(band.Lines[0], cells[i]!.Value) >= 0.7, $"M at {i}");
        foreach (var i in names.Where(i => line[i] == 'N')) Assert.True(MrzMirrorLetters.MirrorSymmetry(band.Lines[0], cells[i]!.Value) < 0.5, $"N at {i}");
    }

    [Fact]
    public void An_M_read_as_N_with_M_the_runner_up_is_settled_back_to_M()
    {
        var (printed, read, settled) = Settle('M', readAs: 'N', runnerUpProbability: 0.29);
        Assert.NotEqual(printed, read);
        Assert.Equal(printed, settled);
    }

    [Fact]
    public void A_confident_reading_is_left_as_read()
    {
        // The recogniser did not doubt its N: no second look, even though the glyph is an M.
        var (_, read, settled) = Settle('M', readAs: 'N', runnerUpProbability: 0.1);
        Assert.Same(read, settled);
    }

    [Fact]
    public void An_N_doubted_against_M_stays_N()
    {
        var (printed, _, settled) = Settle('N', readAs: 'N', runnerUpProbability: 0.4);
        Assert.Equal(printed, settled);
    }

    [Fact]
    public void A_line_shorter_than_its_format_is_left_as_read()
    {
        // A greedy reading can drop a glyph; the parser pads such a line, but its characters no longer sit at the
        // layout's positions (this threw an index error before the reader checked the shape).
        using var generator = new SyntheticDocuments(Fonts.Debian);
        using var document = generator.Generate(Seed, CaptureDegradation.None, MrzFormat.Td3);
        using var band = MrzLocator.Locate(document.Image) ?? throw new InvalidOperationException("no MRZ band in the rendered document");
        IReadOnlyList<string> shortened = [document.MrzLines[0][..^1], document.MrzLines[1]];
        var evidence = MrzEvidence.Doubted(shortened, 0, shortened[0].IndexOf('N', 5), runnerUp: 'M', probability: 0.4);
        Assert.Same(shortened, MrzMirrorLetters.Settle(shortened, band.Lines, evidence));
    }

    // Prints the passport, reads the first name-line letter `printed` as `readAs` with M/N the runner-up at the given
    // probability, and settles.
    private static (IReadOnlyList<string> Printed, IReadOnlyList<string> Read, IReadOnlyList<string> Settled) Settle(char printed, char readAs, double runnerUpProbability)
    {
        using var generator = new SyntheticDocuments(Fonts.Debian);
        using var document = generator.Generate(Seed, CaptureDegradation.None, MrzFormat.Td3);
        using var band = MrzLocator.Locate(document.Image) ?? throw new InvalidOperationException("no MRZ band in the rendered document");
        var lines = document.MrzLines;
        var index = lines[0].IndexOf(printed, 5);
        IReadOnlyList<string> read = readAs == printed ? lines : MrzEvidence.Misread(lines, 0, index, readAs);
        var evidence = MrzEvidence.Doubted(read, 0, index, runnerUp: readAs == 'N' ? 'M' : 'N', runnerUpProbability);
        return (lines, read, MrzMirrorLetters.Settle(read, band.Lines, evidence));
    }
}
