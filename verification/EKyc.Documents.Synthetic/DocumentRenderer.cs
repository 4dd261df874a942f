using System.Globalization;
using EKyc.Documents.Mrz;
using OpenCvSharp;
using SkiaSharp;

namespace EKyc.Documents.Synthetic;

/// <summary>
/// Prints a synthetic document flat and sharp: a tinted card with guilloche lines, a portrait placeholder, the visual
/// zone's labelled fields, a SPECIMEN mark, and the MRZ in OCR-B at ICAO's pitch (2.54 mm a character). Sizes are
/// ICAO's (TD1 85.6 × 54 mm, TD2 105 × 74 mm, TD3 125 × 88 mm); <see cref="PixelsPerMm"/> sets the resolution.
/// </summary>
public sealed class DocumentRenderer : IDisposable
{
    public const double PixelsPerMm = 12;
    private const double Pitch = 2.54;
    private readonly SKTypeface _ocrB;
    private readonly SKTypeface _sans;
    private readonly SKTypeface _bold;
    private readonly float _ocrBCapShare;

    public DocumentRenderer(Fonts fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        fonts.EnsurePresent();
        _ocrB = SKTypeface.FromFile(fonts.OcrB) ?? throw new InvalidOperationException($"Skia could not load {fonts.OcrB}");
        _sans = SKTypeface.FromFile(fonts.Sans) ?? throw new InvalidOperationException($"Skia could not load {fonts.Sans}");
        _bold = SKTypeface.FromFile(fonts.SansBold) ?? throw new InvalidOperationException($"Skia could not load {fonts.SansBold}");
        using var probe = new SKFont(_ocrB, 100);
        probe.MeasureText("H", out var bounds);
        _ocrBCapShare = bounds.Height / 100f;
    }

    /// <summary>The card as a BGR image (owned by the caller).</summary>
    public Mat Render(SyntheticHolder holder, IReadOnlyList<string> mrz, Random rng)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(mrz);
        ArgumentNullException.ThrowIfNull(rng);
        var (widthMm, heightMm) = holder.Format switch
        {
            MrzFormat.Td1 => (85.6, 54.0),
            MrzFormat.Td2 => (105.0, 74.0),
            _ => (125.0, 88.0),
        };
        int width = Px(widthMm), height = Px(heightMm);
        var info = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not create a surface");
        var canvas = surface.Canvas;
        Background(canvas, width, height, rng);
        VisualZone(canvas, holder, width, height, mrz.Count, rng);
        Mrz(canvas, mrz, width, height, rng);

        using var pixmap = surface.PeekPixels();
        using var view = Mat.FromPixelData(height, width, MatType.CV_8UC4, pixmap.GetPixels(), pixmap.RowBytes);
        var bgr = new Mat();
        Cv2.CvtColor(view, bgr, ColorConversionCodes.BGRA2BGR);
        return bgr;
    }

    private static int Px(double mm) => (int)Math.Round(mm * PixelsPerMm);

    private static void Background(SKCanvas canvas, int width, int height, Random rng)
    {
        SKColor Pastel() => new((byte)rng.Next(200, 250), (byte)rng.Next(200, 250), (byte)rng.Next(200, 250));
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [Pastel(), Pastel()], SKShaderTileMode.Clamp);
        using var fill = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, width, height, fill);
        // Guilloche: fine interleaved sine curves, the security print every real document has under its text.
        using var line = new SKPaint { Color = new SKColor((byte)rng.Next(120, 200), (byte)rng.Next(120, 200), (byte)rng.Next(120, 200), 90), StrokeWidth = 1.2f, IsStroke = true, IsAntialias = true };
        var waves = rng.Next(10, 22);
        var amplitude = height * (0.03 + 0.05 * rng.NextDouble());
        var period = width / (2.0 + 4 * rng.NextDouble());
        for (var k = 0; k < waves; k++)
        {
            var y0 = height * (k + 0.5) / waves;
            var phase = rng.NextDouble() * Math.PI * 2;
            var points = Enumerable.Range(0, width / 4 + 1)
                .Select(i => new SKPoint(i * 4, (float)(y0 + amplitude * Math.Sin(i * 4 / period * 2 * Math.PI + phase + k * 0.6))))
                .ToArray();
            canvas.DrawPoints(SKPointMode.Polygon, points, line);
        }
    }

    private void VisualZone(SKCanvas canvas, SyntheticHolder holder, int width, int height, int mrzLines, Random rng)
    {
        var ink = new SKColor((byte)rng.Next(0, 60), (byte)rng.Next(0, 60), (byte)rng.Next(20, 90));
        using var title = new SKFont(_bold, Px(3.2));
        using var label = new SKFont(_sans, Px(1.6));
        using var value = new SKFont(_bold, Px(2.4));
        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        var kind = holder.Format == MrzFormat.Td3 ? "PASSPORT" : "IDENTITY CARD";
        canvas.DrawText($"{holder.IssuingState}  {kind}", Px(5), Px(6), SKTextAlign.Left, title, paint);

        // Portrait placeholder: a grey panel with a head-and-shoulders silhouette, no face of anyone.
        var mrzTop = height - Px(4 + 4.3 * mrzLines + 2);
        var photo = new SKRect(Px(5), Px(9), Px(5) + (mrzTop - Px(11)) * 0.78f, mrzTop - Px(2));
        using (var panel = new SKPaint { Color = new SKColor(185, 185, 190) }) canvas.DrawRect(photo, panel);
        using (var silhouette = new SKPaint { Color = new SKColor(120, 120, 130), IsAntialias = true })
        {
            canvas.Save();
            canvas.ClipRect(photo);
            canvas.DrawOval(photo.MidX, photo.Top + photo.Height * 0.38f, photo.Width * 0.22f, photo.Height * 0.2f, silhouette);
            canvas.DrawOval(photo.MidX, photo.Bottom, photo.Width * 0.45f, photo.Height * 0.3f, silhouette);
            canvas.Restore();
        }

        var fields = new (string Label, string Value)[]
        {
            ("Surname", holder.Surname),
            ("Given names", holder.GivenNames),
            ("Nationality", holder.Nationality),
            ("Date of birth", holder.BirthDate.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant()),
            ("Sex", holder.Sex == '<' ? "X" : holder.Sex.ToString()),
            ("Date of expiry", holder.ExpiryDate.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant()),
            ("Document no.", holder.DocumentNumber),
        };
        var x = photo.Right + Px(4);
        var rowHeight = (photo.Height - Px(2)) / fields.Length;
        var y = photo.Top + Px(1.6);
        foreach (var (name, text) in fields)
        {
            canvas.DrawText(name, x, y, SKTextAlign.Left, label, paint);
            canvas.DrawText(text, x, y + Math.Min(rowHeight * 0.62f, Px(3.2)), SKTextAlign.Left, value, paint);
            y += rowHeight;
        }

        using var mark = new SKFont(_bold, Px(9));
        using var markPaint = new SKPaint { Color = new SKColor(200, 40, 40, 60), IsAntialias = true };
        canvas.Save();
        canvas.RotateDegrees(-18, width / 2f, height / 2f);
        canvas.DrawText("SPECIMEN", width * 0.28f, height * 0.55f, SKTextAlign.Left, mark, markPaint);
        canvas.Restore();
    }

    // One character per 2.54 mm cell, cap height about 2.4 mm (OCR-B size 1), lines about 4.3 mm apart, the last one
    // about 4 mm above the card's lower edge.
    private void Mrz(SKCanvas canvas, IReadOnlyList<string> lines, int width, int height, Random rng)
    {
        var capHeight = Px(2.3 + 0.3 * rng.NextDouble());
        using var font = new SKFont(_ocrB, capHeight / _ocrBCapShare) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = new SKColor((byte)rng.Next(0, 40), (byte)rng.Next(0, 40), (byte)rng.Next(0, 40)), IsAntialias = true };
        var pitch = Pitch * PixelsPerMm;
        var left = (width - pitch * lines[0].Length) / 2 + (rng.NextDouble() - 0.5) * Px(1.5);
        var spacing = Px(4.1 + 0.6 * rng.NextDouble());
        var baseline = height - Px(3.5 + rng.NextDouble());
        for (var i = 0; i < lines.Count; i++)
        {
            var y = baseline - (lines.Count - 1 - i) * spacing;
            for (var k = 0; k < lines[i].Length; k++)
            {
                var glyph = lines[i][k].ToString();
                var advance = font.MeasureText(glyph);
                canvas.DrawText(glyph, (float)(left + k * pitch + (pitch - advance) / 2), y, SKTextAlign.Left, font, paint);
            }
        }
    }

    public void Dispose()
    {
        _ocrB.Dispose();
        _sans.Dispose();
        _bold.Dispose();
    }
}
