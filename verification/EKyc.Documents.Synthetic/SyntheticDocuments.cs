using EKyc.Documents.Mrz;
using OpenCvSharp;

namespace EKyc.Documents.Synthetic;

/// <summary>
/// Seeded synthetic documents: the same seed gives the same holder, print and capture on every machine (the fonts
/// and libraries being the same). Formats cycle TD3, TD1, TD2 so any run of three covers all.
/// </summary>
public sealed class SyntheticDocuments(Fonts fonts) : IDisposable
{
    private static readonly MrzFormat[] Formats = [MrzFormat.Td3, MrzFormat.Td1, MrzFormat.Td2];
    private readonly DocumentRenderer _renderer = new(fonts);

    public SyntheticDocument Generate(int seed, CaptureDegradation degradation, MrzFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(degradation);
        var rng = new Random(seed);
        var holder = SyntheticHolder.Random(rng, format ?? Formats[Math.Abs(seed % Formats.Length)]);
        var lines = MrzComposer.Compose(holder);
        using var card = _renderer.Render(holder, lines, rng);
        return new SyntheticDocument(holder, lines, degradation.Apply(card, rng));
    }

    public void Dispose() => _renderer.Dispose();
}

/// <summary>A generated document: its data, its MRZ lines (the ground truth) and the captured image (owned).</summary>
public sealed record SyntheticDocument(SyntheticHolder Holder, IReadOnlyList<string> MrzLines, Mat Image) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
