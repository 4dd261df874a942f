using EKyc.Biometrics.Detection;

namespace EKyc.Biometrics.Tests;

public class NmsTests
{
    [Fact]
    public void Overlapping_boxes_keep_only_the_most_confident()
    {
        FaceBox[] boxes = [new(0, 0, 100, 100), new(5, 5, 105, 105), new(10, 0, 110, 100)];
        float[] scores = [0.7f, 0.95f, 0.8f];
        Assert.Equal([1], Nms.Suppress(boxes, scores, 0.4f));
    }

    [Fact]
    public void Disjoint_boxes_are_all_kept_most_confident_first()
    {
        FaceBox[] boxes = [new(0, 0, 10, 10), new(100, 100, 120, 120), new(50, 0, 60, 10)];
        float[] scores = [0.7f, 0.9f, 0.8f];
        Assert.Equal([1, 2, 0], Nms.Suppress(boxes, scores, 0.4f));
    }

    [Fact]
    public void Overlap_at_or_below_the_threshold_is_not_a_duplicate()
    {
        // IoU of these two is exactly 1/3 (intersection 50, union 150).
        FaceBox[] boxes = [new(0, 0, 10, 10), new(5, 0, 15, 10)];
        float[] scores = [0.9f, 0.8f];
        Assert.Equal(1f / 3, boxes[0].IoU(boxes[1]), 5);
        Assert.Equal([0, 1], Nms.Suppress(boxes, scores, 0.34f));
        Assert.Equal([0], Nms.Suppress(boxes, scores, 0.33f));
    }

    [Fact]
    public void A_small_box_inside_a_large_one_is_kept_when_their_IoU_is_low()
    {
        // The JavaScript divided the overlap by the small box's area and always dropped it; IoU here is 0.04.
        FaceBox[] boxes = [new(0, 0, 100, 100), new(40, 40, 60, 60)];
        Assert.Equal([0, 1], Nms.Suppress(boxes, [0.9f, 0.8f], 0.4f));
    }

    [Fact]
    public void Empty_boxes_are_dropped()
    {
        FaceBox[] boxes = [new(10, 10, 10, 30), new(0, 0, 20, 20)];
        Assert.Equal([1], Nms.Suppress(boxes, [0.99f, 0.5f], 0.4f));
    }
}
