using System.ComponentModel.DataAnnotations;
using EKyc.Documents.Checks;
using EKyc.Documents.Intake;

namespace EKyc.Silo.Documents;

/// <summary>Document checks configuration, section <c>Documents</c>; the model directory is <c>Models:Directory</c>.</summary>
public sealed class DocumentsOptions
{
    public IntakeOptions Intake { get; set; } = new();

    public DocumentVerifierOptions Checks { get; set; } = new();

    /// <summary>
    /// The MRZ OCR engine: <c>ppocr</c> (PP-OCRv4 on ONNX Runtime; the better one on ../shared/data, see the README)
    /// or <c>tesseract</c> (Debian's libtesseract).
    /// </summary>
    [RegularExpression("^(ppocr|tesseract)$")]
    public string OcrEngine { get; set; } = "ppocr";

    /// <summary>
    /// Threads each OCR inference (text detection, recognition) uses: by default two where there are two cores, which
    /// cuts one document's latency to ≈ 0.6 of one thread's. Under full load documents × threads may exceed the
    /// cores; throughput then stays about what one thread per document gives.
    /// </summary>
    [Range(1, 16)]
    public int OcrThreads { get; set; } = EKyc.Documents.Ocr.PaddleRecognizer.DefaultThreads;

    /// <summary>Documents checked at once per silo; OCR and image work are CPU-bound.</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
