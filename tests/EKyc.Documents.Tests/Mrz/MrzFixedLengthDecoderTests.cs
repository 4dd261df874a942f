using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>Fixed-length CTC decoding on hand-made step tables (blank column 0, then the MRZ symbols).</summary>
public sealed class MrzFixedLengthDecoderTests
{
    private static readonly string Symbols = IMrzStepRecognizer.Symbols;

    // One row per step: a symbol with the given probability (the rest to the blank), or '_' for a clear blank.
    private static float[,] Steps(params (char Symbol, float P)[] steps)
    {
        var table = new float[steps.Length, Symbols.Length + 1];
        for (var t = 0; t < steps.Length; t++)
        {
            var (symbol, p) = steps[t];
            if (symbol == '_')
            {
                table[t, 0] = 1;
                continue;
            }
            table[t, Symbols.IndexOf(symbol, StringComparison.Ordinal) + 1] = p;
            table[t, 0] = 1 - p;
        }
        return table;
    }

    [Fact]
    public void A_character_the_blank_won_is_restored_where_its_evidence_is()
    {
        // "VZOR" with the O's step won by the blank: greedy reads VZR.
        var steps = Steps(('V', 0.9f), ('_', 1), ('Z', 0.9f), ('_', 1), ('O', 0.3f), ('_', 1), ('R', 0.9f), ('_', 1));
        Assert.Equal("VZR", IMrzStepRecognizer.Greedy(steps).Text);
        Assert.Equal("VZOR", MrzFixedLengthDecoder.Decode(steps, 4)!.Text);
    }

    [Fact]
    public void A_repeated_symbol_needs_a_blank_between_so_a_long_glyph_is_not_split()
    {
        // One wide E over three steps and a weak filler after it: four characters must take the filler, not split E.
        var steps = Steps(('S', 0.9f), ('_', 1), ('E', 0.9f), ('E', 0.9f), ('E', 0.9f), ('_', 1), ('<', 0.2f), ('_', 1), ('<', 0.9f));
        Assert.Equal("SE<<", MrzFixedLengthDecoder.Decode(steps, 4)!.Text);
    }

    [Fact]
    public void A_line_with_fewer_steps_than_characters_has_no_reading()
    {
        Assert.Null(MrzFixedLengthDecoder.Decode(Steps(('A', 0.9f), ('B', 0.9f)), 3));
    }
}
