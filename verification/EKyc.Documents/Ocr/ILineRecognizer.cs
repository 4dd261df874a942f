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

public sealed record RecognizedLine(string Text, double Confidence);
