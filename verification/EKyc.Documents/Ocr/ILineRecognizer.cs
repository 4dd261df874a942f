using OpenCvSharp;

namespace EKyc.Documents.Ocr;

/// <summary>
/// Reads one line of MRZ text from a grey-scale crop. Implementations are swappable so the MRZ reader can be measured
/// with each engine on the same crops (see <c>./ekyc eval documents</c>).
/// </summary>
public interface ILineRecognizer : IDisposable
{
    /// <summary>Engine name and version, recorded with every check result.</summary>
    string Name { get; }

    /// <summary>The text read (MRZ alphabet where the engine allows restricting it) and a 0–1 confidence.</summary>
    RecognizedLine Recognize(Mat lineGray);
}

public sealed record RecognizedLine(string Text, double Confidence)
{
    /// <summary>Per character of <see cref="Text"/>, where the engine exposes it: probability and runner-up.</summary>
    public IReadOnlyList<RecognizedChar>? Characters { get; init; }
}

/// <summary>One recognised character, its probability, and the engine's second choice with its probability.</summary>
public sealed record RecognizedChar(char Value, double Probability, char Alternative, double AlternativeProbability);

/// <summary>
/// An engine that exposes its per-step (CTC) probabilities over the MRZ alphabet, so the MRZ reader can decode an
/// MRZ line at its fixed length instead of trusting the engine not to drop or double a character.
/// </summary>
public interface IMrzStepRecognizer
{
    /// <summary>The MRZ alphabet, in the column order of <see cref="MrzSteps"/> after the blank column 0.</summary>
    const string Symbols = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    /// <summary>steps × (1 + Symbols.Length): blank then each symbol; the steps cover the crop's width evenly.</summary>
    float[,] MrzSteps(Mat lineGray);

    /// <summary>
    /// Greedy CTC decoding of <see cref="MrzSteps"/>; each character carries its runner-up so repair can prefer the
    /// confusions the model itself saw.
    /// </summary>
    static RecognizedLine Greedy(float[,] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var text = new System.Text.StringBuilder();
        var characters = new List<RecognizedChar>();
        var previous = -1;
        double confidenceSum = 0;
        for (var t = 0; t < steps.GetLength(0); t++)
        {
            int best = -1, second = -1;
            for (var k = 1; k <= Symbols.Length; k++)
            {
                if (best < 0 || steps[t, k] > steps[t, best]) { second = best; best = k; }
                else if (second < 0 || steps[t, k] > steps[t, second]) second = k;
            }
            var symbol = steps[t, best] > steps[t, 0] ? best : -1;
            if (symbol >= 0 && symbol != previous)
            {
                text.Append(Symbols[symbol - 1]);
                characters.Add(new RecognizedChar(Symbols[symbol - 1], steps[t, best], Symbols[second - 1], steps[t, second]));
                confidenceSum += steps[t, best];
            }
            else if (symbol >= 0 && symbol == previous && steps[t, best] > characters[^1].Probability)
            {
                // A repeated step of the same character: keep its most confident step's figures.
                characters[^1] = new RecognizedChar(Symbols[symbol - 1], steps[t, best], Symbols[second - 1], steps[t, second]);
            }
            previous = symbol;
        }
        return new RecognizedLine(text.ToString(), characters.Count == 0 ? 0 : confidenceSum / characters.Count) { Characters = characters };
    }
}
