namespace EKyc.Documents.Synthetic;

/// <summary>
/// The typefaces synthetic documents are printed in, from Debian packages: OCR-B for the MRZ (fonts-ocr-b, the
/// typeface ICAO 9303 prescribes) and DejaVu Sans for the visual zone (fonts-dejavu-core).
/// </summary>
public sealed record Fonts(string OcrB, string Sans, string SansBold)
{
    public static Fonts Debian { get; } = new(
        "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    /// <summary>Throws with the package to install when a font file is missing.</summary>
    public void EnsurePresent()
    {
        if (!File.Exists(OcrB)) throw new FileNotFoundException("The OCR-B font is missing: install the Debian package fonts-ocr-b (./ekyc test does).", OcrB);
        if (!File.Exists(Sans) || !File.Exists(SansBold))
            throw new FileNotFoundException("DejaVu Sans is missing: install the Debian package fonts-dejavu-core.", Sans);
    }
}
