using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace EKyc.Documents.Ocr;

/// <summary>
/// The recogniser's general-text mode, for the printed visual zone: same model and session as the MRZ mode, but the
/// output keeps Latin letters (with the diacritics the dictionary has), digits, spaces and the punctuation dates and
/// numbers are printed with. Lower case is kept: it tells labels ("Surname/Nom") from values (ERIKSSON).
/// </summary>
public sealed partial class PaddleRecognizer
{
    public RecognizedLine RecognizeText(Mat lineGray) => Infer(lineGray, output =>
    {
        // The flat buffer, not the indexer: a line is steps × 6,625 classes.
        var probabilities = (output as DenseTensor<float> ?? output.ToDenseTensor()).Buffer.Span;
        return DecodeText(probabilities, output.Dimensions[1], output.Dimensions[2]);
    });

    // Plain greedy CTC over the whole dictionary, then folding: unlike the MRZ, printed text has no closed alphabet
    // to restrict the steps to, and a symbol outside the kept set (a CJK label) becomes a word break, not a guess.
    private RecognizedLine DecodeText(ReadOnlySpan<float> probabilities, int steps, int width)
    {
        var classes = Math.Min(width, _alphabet.Length);
        var text = new System.Text.StringBuilder();
        var previous = -1;
        double confidenceSum = 0;
        var kept = 0;
        for (var t = 0; t < steps; t++)
        {
            var best = 0;
            var bestP = float.MinValue;
            var row = probabilities.Slice(t * width, classes);
            for (var c = 0; c < classes; c++)
            {
                var p = row[c];
                if (p > bestP) { bestP = p; best = c; }
            }
            if (best != 0 && best != previous)
            {
                var ch = FoldText(_alphabet[best]);
                if (ch != ' ' || text.Length > 0 && text[^1] != ' ') text.Append(ch);
                if (ch != ' ')
                {
                    confidenceSum += bestP;
                    kept++;
                }
            }
            previous = best;
        }
        return new RecognizedLine(text.ToString().Trim(), kept == 0 ? 0 : confidenceSum / kept);
    }

    private static char FoldText(string symbol)
    {
        if (symbol.Length != 1) return ' ';
        var c = symbol[0];
        return c switch
        {
            >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' => c,
            >= 'À' and <= 'ɏ' when char.IsLetter(c) => c,
            '.' or ',' or '/' or '-' or '\'' or ':' or '<' or '(' or ')' => c,
            >= 'Ａ' and <= 'Ｚ' => (char)('A' + (c - 'Ａ')),
            >= 'ａ' and <= 'ｚ' => (char)('a' + (c - 'ａ')),
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            '／' => '/',
            '．' or '。' => '.',
            '，' => ',',
            '－' or '—' or '–' => '-',
            _ => ' ',
        };
    }
}
