using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EKyc.Documents.Ocr;

/// <summary>
/// Tesseract 5 (LSTM, English model) in-process, one line at a time (page segmentation mode 7), restricted to the
/// MRZ alphabet. A Tesseract handle is not thread-safe: calls are serialised; create one recognizer per worker for
/// parallelism.
/// </summary>
public sealed class TesseractRecognizer : ILineRecognizer
{
    // Every character spelled out: Tesseract's whitelist has no ranges.
    private const string MrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    private const int SingleLine = 7;
    private readonly Lock _gate = new();
    private IntPtr _handle;

    static TesseractRecognizer() => TesseractNative.SetNativeEnvironment("OMP_THREAD_LIMIT", "1", 0);

    public TesseractRecognizer(string? dataPath = null)
    {
        _handle = TesseractNative.TessBaseAPICreate();
        if (TesseractNative.TessBaseAPIInit3(_handle, dataPath, "eng") != 0)
        {
            TesseractNative.TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
            throw new InvalidOperationException("Tesseract could not load its English model: install the Debian packages tesseract-ocr and tesseract-ocr-eng.");
        }
        TesseractNative.TessBaseAPISetVariable(_handle, "tessedit_char_whitelist", MrzAlphabet);
        TesseractNative.TessBaseAPISetVariable(_handle, "load_system_dawg", "0");
        TesseractNative.TessBaseAPISetVariable(_handle, "load_freq_dawg", "0");
        TesseractNative.TessBaseAPISetPageSegMode(_handle, SingleLine);
        Name = $"tesseract-{Marshal.PtrToStringUTF8(TesseractNative.TessVersion())}";
    }

    public string Name { get; }

    public RecognizedLine Recognize(Mat lineGray)
    {
        ArgumentNullException.ThrowIfNull(lineGray);
        using var continuous = lineGray.Clone(); // a clone is continuous, as Tesseract needs
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            TesseractNative.TessBaseAPISetImage(_handle, continuous.Data, continuous.Width, continuous.Height, 1, (int)continuous.Step());
            TesseractNative.TessBaseAPISetSourceResolution(_handle, 300);
            var text = TesseractNative.TessBaseAPIGetUTF8Text(_handle);
            try
            {
                var value = (Marshal.PtrToStringUTF8(text) ?? "").Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
                var confidence = TesseractNative.TessBaseAPIMeanTextConf(_handle) / 100.0;
                return new RecognizedLine(value, Math.Clamp(confidence, 0, 1));
            }
            finally
            {
                TesseractNative.TessDeleteText(text);
                TesseractNative.TessBaseAPIClear(_handle);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle == IntPtr.Zero) return;
            TesseractNative.TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
        }
    }
}
