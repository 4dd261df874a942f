using EKyc.Documents.Portrait;
using OpenCvSharp;

namespace EKyc.Silo.Biometrics;

/// <summary>
/// The document portrait is the largest face on the document image; the crop keeps head and shoulders (the face box
/// grown by half its size) so face matching can re-detect and align it like a selfie.
/// </summary>
internal sealed class FacePortraitLocator(FaceEngine engine) : IPortraitLocator
{
    public Mat? Locate(Mat document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analysis = engine.Analyzer.Analyze(document);
        if (analysis.MainFace is not { } face) return null;
        var box = face.Box;
        var grow = Math.Max(box.Width, box.Height) * 0.5f;
        var rect = new Rect((int)(box.X1 - grow), (int)(box.Y1 - grow), (int)(box.Width + 2 * grow), (int)(box.Height + 2 * grow))
            .Intersect(new Rect(0, 0, document.Width, document.Height));
        return rect.Width < 16 || rect.Height < 16 ? null : new Mat(document, rect).Clone();
    }
}
