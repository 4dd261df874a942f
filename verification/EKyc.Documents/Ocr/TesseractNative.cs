using System.Runtime.InteropServices;

namespace EKyc.Documents.Ocr;

/// <summary>The part of Tesseract's C API (libtesseract.so.5 from Debian's tesseract-ocr) that line OCR needs.</summary>
internal static partial class TesseractNative
{
    private const string Lib = "libtesseract.so.5";

    [LibraryImport(Lib)] internal static partial IntPtr TessBaseAPICreate();
    [LibraryImport(Lib)] internal static partial void TessBaseAPIDelete(IntPtr handle);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int TessBaseAPIInit3(IntPtr handle, string? dataPath, string language);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetImage(IntPtr handle, IntPtr imageData, int width, int height, int bytesPerPixel, int bytesPerLine);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);
    [LibraryImport(Lib)] internal static partial IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);
    [LibraryImport(Lib)] internal static partial int TessBaseAPIMeanTextConf(IntPtr handle);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIClear(IntPtr handle);
    [LibraryImport(Lib)] internal static partial void TessDeleteText(IntPtr text);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr TessVersion();

    // Tesseract's OpenMP threads make single-line OCR ~10× slower on a small machine; the limit must be in the native
    // environment before the library loads, which Environment.SetEnvironmentVariable does not reach.
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetNativeEnvironment(string name, string value, int overwrite);
}
