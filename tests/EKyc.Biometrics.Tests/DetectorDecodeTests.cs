using EKyc.Biometrics.Detection;

namespace EKyc.Biometrics.Tests;

public class DetectorDecodeTests
{
    [Fact]
    public void Raw_outputs_are_thresholded_scaled_deduplicated_and_squared()
    {
        // Three candidates in normalised corners (exact binary fractions): two overlapping faces, and one below the
        // 0.65 score threshold. scores are [background, face] pairs.
        float[] boxes = [0.25f, 0.25f, 0.5f, 0.75f, 0.28125f, 0.25f, 0.53125f, 0.75f, 0.75f, 0.125f, 0.875f, 0.25f];
        float[] scores = [0.1f, 0.9f, 0.05f, 0.95f, 0.5f, 0.5f];

        var faces = FaceDetector.Decode(boxes, scores, imageWidth: 256, imageHeight: 128, new FaceDetectorOptions());

        var face = Assert.Single(faces);
        Assert.Equal(0.95f, face.Score);
        // Second box in pixels: x 72..136, y 32..96, already square.
        Assert.Equal(new FaceBox(72, 32, 136, 96), face.Box);
    }

    [Fact]
    public void Squaring_uses_the_height_and_clips_to_the_image()
    {
        var square = new FaceBox(0, 10, 20, 110).ToSquare(imageWidth: 300, imageHeight: 100);
        Assert.Equal(new FaceBox(0, 10, 60, 99), square);
    }
}
