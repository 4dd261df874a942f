using Microsoft.ML.OnnxRuntime;

namespace EKyc.Biometrics.Models;

/// <summary>
/// Runs a single-input model and copies its outputs out. Copying is deliberate: the outputs are small (at most
/// 4420×4 floats) and copying lets the native buffers be released before the caller decodes them.
/// </summary>
public static class OnnxInference
{
    public static IReadOnlyDictionary<string, float[]> Run(InferenceSession session, float[] input, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var runOptions = new RunOptions();
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        var outputNames = session.OutputNames;
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [value], outputNames);
        var result = new Dictionary<string, float[]>(outputNames.Count, StringComparer.Ordinal);
        var i = 0;
        foreach (var output in outputs)
        {
            result[outputNames[i++]] = output.GetTensorDataAsSpan<float>().ToArray();
        }
        return result;
    }

    /// <summary>The first (for these models, the only or the primary) output.</summary>
    public static float[] RunSingle(InferenceSession session, float[] input, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Run(session, input, shape)[session.OutputNames[0]];
    }

    /// <summary>Numerically stable softmax (the models emit logits; the JavaScript applied a naive one).</summary>
    public static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var v in logits) max = Math.Max(max, v);
        var result = new float[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = MathF.Exp(logits[i] - max);
            sum += result[i];
        }
        for (var i = 0; i < result.Length; i++) result[i] = (float)(result[i] / sum);
        return result;
    }
}
