using System.Globalization;
using EKyc.Documents.Quality;
using OpenCvSharp;

namespace EKyc.Documents.Eval;

/// <summary>
/// Calibrates capture quality on the specimen images: each original is also degraded synthetically (blur, darkness,
/// glare, too far away, corner out of frame, and a clean "photo" on a dark desk as a control), and the table shows how
/// often each condition raises its reason code — and how often a clean image raises any.
/// </summary>
internal static class QualityCalibration
{
    private static readonly string[] Conditions = ["original", "on_desk", "blur", "dark", "glare", "far", "corner_cut"];

    public static IReadOnlyDictionary<string, double> Run(IEnumerable<Mat> images, QualityOptions options)
    {
        var quality = new CaptureQuality(options);
        var hits = Conditions.ToDictionary(c => c, _ => 0);
        var anyProblem = Conditions.ToDictionary(c => c, _ => 0);
        var sharpOriginal = new List<double>();
        var sharpBlurred = new List<double>();
        var total = 0;
        var lowRes = 0;
        foreach (var image in images)
        {
            total++;
            foreach (var condition in Conditions)
            {
                using var degraded = Degrade(image, condition);
                using var report = quality.Assess(degraded);
                var codes = report.Problems.Select(p => p.Code).ToHashSet();
                if (codes.Count > 0) anyProblem[condition]++;
                // Many specimen files are web-sized: below the document width a phone capture must reach. Their size is
                // reported as such, and only other problems count against a clean image.
                var lowResolution = codes.Remove(QualityReasons.LowResolution.Code);
                if (condition == "original" && lowResolution) lowRes++;
                if (Expected(condition) is { } code ? codes.Contains(code) : codes.Count == 0) hits[condition]++;
                if (condition == "original") sharpOriginal.Add(report.Sharpness);
                if (condition is "original" or "on_desk" && codes.Count > 0 && Environment.GetEnvironmentVariable("EKYC_EVAL_VERBOSE") is not null)
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{condition} #{total}: {string.Join(',', codes)} w={report.Document.Width} area={report.AreaFraction:0.00} edges={report.EdgesFound} sharp={report.Sharpness:0} glare={report.GlareFraction:0.000} lum={report.MeanLuminance:0}"));
                if (condition == "blur") sharpBlurred.Add(report.Sharpness);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Capture quality on {total} specimen images and synthetic degradations of each");
        Console.WriteLine();
        Console.WriteLine("| condition | expected | detected as expected | any problem raised |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var c in Conditions)
        {
            Console.WriteLine($"| {c} | {Expected(c) ?? "no problem"} | {hits[c]}/{total} | {anyProblem[c]}/{total} |");
        }
        Console.WriteLine();
        Console.WriteLine($"{lowRes}/{total} originals are narrower than {options.MinDocumentWidth} px and also raise {QualityReasons.LowResolution.Code} (not counted above).");
        sharpOriginal.Sort();
        sharpBlurred.Sort();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sharpness (Laplacian variance at 800 px): originals min {sharpOriginal[0]:0} median {sharpOriginal[sharpOriginal.Count / 2]:0}; blurred (σ=2.5) max {sharpBlurred[^1]:0} median {sharpBlurred[sharpBlurred.Count / 2]:0}; threshold {options.MinSharpness:0}"));
        return Conditions.ToDictionary(c => c, c => hits[c] / (double)total);
    }

    private static string? Expected(string condition) => condition switch
    {
        "blur" => QualityReasons.Blurry.Code,
        "dark" => QualityReasons.TooDark.Code,
        "glare" => QualityReasons.Glare.Code,
        "far" => QualityReasons.TooSmall.Code,
        "corner_cut" => QualityReasons.CornersCut.Code,
        _ => null,
    };

    private static Mat Degrade(Mat image, string condition)
    {
        switch (condition)
        {
            case "blur":
            {
                // σ relative to the document width: the same optical blur whatever the file's resolution.
                var result = new Mat();
                var sigma = 2.5 * image.Width / 800.0;
                Cv2.GaussianBlur(image, result, new Size(0, 0), sigma);
                return result;
            }
            case "dark":
            {
                var result = new Mat();
                image.ConvertTo(result, -1, 0.22, 0);
                return result;
            }
            case "glare":
            {
                var result = image.Clone();
                var axes = new Size(image.Width / 6, image.Height / 6);
                Cv2.Ellipse(result, new Point(image.Width * 0.6, image.Height * 0.4), axes, 20, 0, 360, Scalar.All(255), -1, LineTypes.AntiAlias);
                return result;
            }
            case "on_desk": return OnCanvas(image, 0.8, 0.1, 0.1);
            case "far": return OnCanvas(image, 0.4, 0.3, 0.3);
            case "corner_cut": return OnCanvas(image, 0.8, -0.06, 0.12);
            default: return image.Clone();
        }
    }

    // The document on a dark, slightly textured desk: scale is its share of the canvas width; dx, dy its offset.
    private static Mat OnCanvas(Mat image, double scale, double dx, double dy)
    {
        var canvasW = (int)(image.Width / scale);
        var canvasH = (int)(image.Height / scale);
        var canvas = new Mat(canvasH, canvasW, MatType.CV_8UC3, new Scalar(40, 45, 50));
        using (var noise = new Mat(canvasH, canvasW, MatType.CV_8UC3))
        {
            Cv2.Randn(noise, Scalar.All(0), Scalar.All(6));
            Cv2.Add(canvas, noise, canvas);
        }
        var x = (int)(dx * canvasW);
        var y = (int)(dy * canvasH);
        var target = new Rect(x, y, image.Width, image.Height).Intersect(new Rect(0, 0, canvasW, canvasH));
        var source = new Rect(target.X - x, target.Y - y, target.Width, target.Height);
        using (var dst = new Mat(canvas, target))
        using (var src = new Mat(image, source))
            src.CopyTo(dst);
        return canvas;
    }
}
