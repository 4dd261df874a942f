using EKyc.Documents.Quality;
using OpenCvSharp;

namespace EKyc.Documents.Tests.Quality;

/// <summary>Synthetic document-like images: a light card with dark text-like strokes on a dark desk.</summary>
public sealed class CaptureQualityTests
{
    private static readonly CaptureQuality Quality = new(new QualityOptions());

    private static Mat Card(int width = 1000, int height = 630)
    {
        var card = new Mat(height, width, MatType.CV_8UC3, new Scalar(205, 215, 220));
        var rng = new Random(7);
        for (var y = 60; y < height - 40; y += 34)
        {
            for (var x = 40; x < width - 60; x += rng.Next(14, 22))
            {
                Cv2.Rectangle(card, new Rect(x, y, rng.Next(4, 10), rng.Next(12, 20)), new Scalar(40, 40, 40), -1);
            }
        }
        return card;
    }

    private static Mat OnDesk(Mat card, double scale, int dx = 0)
    {
        var desk = new Mat((int)(card.Height / scale), (int)(card.Width / scale), MatType.CV_8UC3, new Scalar(35, 40, 45));
        var x = (desk.Width - card.Width) / 2 + dx;
        var y = (desk.Height - card.Height) / 2;
        var target = new Rect(x, y, card.Width, card.Height).Intersect(new Rect(0, 0, desk.Width, desk.Height));
        using var dst = new Mat(desk, target);
        using var src = new Mat(card, new Rect(target.X - x, target.Y - y, target.Width, target.Height));
        src.CopyTo(dst);
        return desk;
    }

    private static List<string> Codes(Mat image)
    {
        using var report = Quality.Assess(image);
        return report.Problems.Select(p => p.Code).ToList();
    }

    [Fact]
    public void A_sharp_well_framed_document_passes_and_is_flattened()
    {
        using var card = Card();
        using var photo = OnDesk(card, 0.8);
        using var report = Quality.Assess(photo);
        Assert.True(report.EdgesFound);
        Assert.Empty(report.Problems);
        Assert.InRange(report.Document.Width, 980, 1020);
    }

    [Fact]
    public void Each_defect_raises_its_own_instruction()
    {
        using var card = Card();
        using var blurred = new Mat();
        Cv2.GaussianBlur(OnDesk(card, 0.8), blurred, new Size(0, 0), 4);
        Assert.Contains(QualityReasons.Blurry.Code, Codes(blurred));

        using var dark = new Mat();
        OnDesk(card, 0.8).ConvertTo(dark, -1, 0.2, 0);
        Assert.Contains(QualityReasons.TooDark.Code, Codes(dark));

        using var far = OnDesk(card, 0.35);
        Assert.Contains(QualityReasons.TooSmall.Code, Codes(far));

        using var cut = OnDesk(card, 0.8, dx: -200);
        Assert.Contains(QualityReasons.CornersCut.Code, Codes(cut));

        using var glare = OnDesk(card, 0.8);
        Cv2.Ellipse(glare, new Point(glare.Width / 2, glare.Height / 2), new Size(200, 120), 0, 0, 360, Scalar.All(255), -1);
        Assert.Contains(QualityReasons.Glare.Code, Codes(glare));
    }

    [Fact]
    public void Every_reason_tells_the_applicant_what_to_do()
    {
        foreach (var r in new[] { QualityReasons.Blurry, QualityReasons.Glare, QualityReasons.TooDark, QualityReasons.TooBright, QualityReasons.TooSmall, QualityReasons.LowResolution, QualityReasons.CornersCut, QualityReasons.MrzNotFound })
        {
            Assert.False(string.IsNullOrWhiteSpace(r.ApplicantGuidance));
        }
    }
}
