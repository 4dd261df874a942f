using EKyc.Documents.Ocr;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Decodes an MRZ line as exactly <c>length</c> characters: the most probable CTC path (Viterbi over the recogniser's
/// steps) that emits that many. Every MRZ line has a fixed width, so this is the second opinion on a line where
/// greedy decoding dropped a character the blank won (or doubled one): the path has to put the missing character
/// somewhere, and it goes where the steps hold most evidence of one. As in CTC, the same symbol twice in a row needs
/// a blank step between, so doubling a glyph costs what a real double letter costs.
/// </summary>
public static class MrzFixedLengthDecoder
{
    private const double Floor = 1e-6;

    public static RecognizedLine? Decode(float[,] steps, int length)
    {
        ArgumentNullException.ThrowIfNull(steps);
        int count = steps.GetLength(0), symbols = steps.GetLength(1) - 1;
        if (length < 1 || count < length) return null;
        var log = new double[count, symbols + 1];
        for (var t = 0; t < count; t++)
        {
            for (var c = 0; c <= symbols; c++) log[t, c] = Math.Log(Math.Max(Floor, steps[t, c]));
        }

        // blank[k]: in a blank after k characters; glyph[k, s]: in character k (1-based) reading symbol s.
        // Back pointers: for a glyph state -1 = stayed, -2 = came from blank[k-1], s' >= 0 = from glyph[k-1, s'];
        // for a blank state -2 = stayed, s >= 0 = from glyph[k, s].
        var blank = Filled(length + 1);
        var glyph = Filled((length + 1) * symbols);
        var blankFrom = new int[count, length + 1];
        var glyphFrom = new int[count, (length + 1) * symbols];
        blank[0] = log[0, 0];
        for (var s = 0; s < symbols; s++) glyph[symbols + s] = log[0, s + 1];
        for (var t = 1; t < count; t++)
        {
            var nextBlank = Filled(length + 1);
            var nextGlyph = Filled((length + 1) * symbols);
            for (var k = 0; k <= length; k++)
            {
                var (fromGlyph, fromSymbol) = (blank[k], -2);
                for (var s = 0; k > 0 && s < symbols; s++)
                {
                    if (glyph[k * symbols + s] > fromGlyph) (fromGlyph, fromSymbol) = (glyph[k * symbols + s], s);
                }
                nextBlank[k] = fromGlyph + log[t, 0];
                blankFrom[t, k] = fromSymbol;
                if (k == 0) continue;
                var (first, firstSymbol, second) = BestTwo(glyph, (k - 1) * symbols, symbols);
                for (var s = 0; s < symbols; s++)
                {
                    var (score, from) = (glyph[k * symbols + s], -1);
                    if (blank[k - 1] > score) (score, from) = (blank[k - 1], -2);
                    var other = firstSymbol == s ? second : first;
                    if (other > score) (score, from) = (other, firstSymbol == s ? SecondIndex(glyph, (k - 1) * symbols, symbols, s) : firstSymbol);
                    nextGlyph[k * symbols + s] = score + log[t, s + 1];
                    glyphFrom[t, k * symbols + s] = from;
                }
            }
            blank = nextBlank;
            glyph = nextGlyph;
        }

        // Backtrack from the best end state, collecting each character's steps.
        var (end, endSymbol) = (blank[length], -1);
        for (var s = 0; s < symbols; s++)
        {
            if (glyph[length * symbols + s] > end) (end, endSymbol) = (glyph[length * symbols + s], s);
        }
        if (double.IsNegativeInfinity(end)) return null;
        var text = new char[length];
        var best = new double[length];
        var runnerUp = new double[length];
        var alternative = new char[length];
        int kk = length, state = endSymbol;
        for (var t = count - 1; t >= 0; t--)
        {
            if (state >= 0)
            {
                var i = kk - 1;
                text[i] = IMrzStepRecognizer.Symbols[state];
                best[i] = Math.Max(best[i], steps[t, state + 1]);
                for (var s = 0; s < symbols; s++)
                {
                    if (s != state && steps[t, s + 1] > runnerUp[i]) (runnerUp[i], alternative[i]) = (steps[t, s + 1], IMrzStepRecognizer.Symbols[s]);
                }
                if (t == 0) break;
                var from = glyphFrom[t, kk * symbols + state];
                if (from == -2) { kk--; state = -1; }
                else if (from >= 0) { kk--; state = from; }
            }
            else
            {
                if (t == 0) break;
                var from = blankFrom[t, kk];
                if (from >= 0) state = from;
            }
        }
        var characters = Enumerable.Range(0, length).Select(i => new RecognizedChar(text[i], best[i], alternative[i], runnerUp[i])).ToList();
        return new RecognizedLine(new string(text), best.Average()) { Characters = characters };
    }

    private static double[] Filled(int size)
    {
        var values = new double[size];
        Array.Fill(values, double.NegativeInfinity);
        return values;
    }

    private static (double First, int FirstIndex, double Second) BestTwo(double[] values, int offset, int count)
    {
        double first = double.NegativeInfinity, second = double.NegativeInfinity;
        var index = -1;
        for (var i = 0; i < count; i++)
        {
            var v = values[offset + i];
            if (v > first) { second = first; first = v; index = i; }
            else if (v > second) second = v;
        }
        return (first, index, second);
    }

    private static int SecondIndex(double[] values, int offset, int count, int except)
    {
        var index = -1;
        for (var i = 0; i < count; i++)
        {
            if (i != except && (index < 0 || values[offset + i] > values[offset + index])) index = i;
        }
        return index;
    }
}
