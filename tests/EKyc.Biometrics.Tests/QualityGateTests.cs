using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Quality;

namespace EKyc.Biometrics.Tests;

public class QualityGateTests
{
    private static readonly SelfieQualityGate Gate = new(new QualityOptions());
    private static readonly FaceBox GoodBox = new(200, 150, 500, 450); // 300 px in a 720×960 image
    private static readonly HeadPose Frontal = new(3, -8, 1);
    private static readonly FaceImageMeasures Good = new(Sharpness: 500, Brightness: 130);
    private static readonly EyeState Open = new(0.99f, 0.98f);

    private static List<string> Codes(FaceBox? box = null, HeadPose? pose = null, FaceImageMeasures? measures = null, EyeState? eyes = null) =>
        Gate.FaceIssues(box ?? GoodBox, 720, 960, pose ?? Frontal, measures ?? Good, eyes ?? Open).Select(i => i.Code).ToList();

    [Fact]
    public void A_good_face_has_no_issues()
    {
        Assert.Empty(Codes());
    }

    [Fact]
    public void A_face_small_relative_to_the_image_or_in_pixels_asks_to_move_closer()
    {
        Assert.Equal(["face_too_small"], Codes(box: new FaceBox(0, 0, 120, 120))); // 120 < 0.2 × 720
        var tiny = Gate.FaceIssues(new FaceBox(0, 0, 100, 100), 300, 300, Frontal, Good, Open);
        Assert.Equal("Move closer", Assert.Single(tiny).Instruction); // 100 px < 112 even though a third of the image
    }

    [Theory]
    [InlineData(25, 0)]
    [InlineData(-25, 0)]
    [InlineData(0, 30)]
    [InlineData(0, -30)]
    public void A_turned_or_tilted_head_asks_to_face_the_camera(float yaw, float pitch)
    {
        var issues = Gate.FaceIssues(GoodBox, 720, 960, new HeadPose(yaw, pitch, 0), Good, Open);
        Assert.Equal(QualityIssue.PoseNotFrontal, Assert.Single(issues));
        Assert.Equal("Face the camera", issues[0].Instruction);
    }

    [Fact]
    public void Light_and_blur_problems_have_their_own_codes()
    {
        Assert.Equal(["too_dark"], Codes(measures: new(500, 30)));
        Assert.Equal("More light", QualityIssue.TooDark.Instruction);
        Assert.Equal(["too_bright"], Codes(measures: new(500, 240)));
        Assert.Equal(["too_blurry"], Codes(measures: new(12, 130)));
    }

    [Fact]
    public void Eyes_count_as_closed_only_when_both_are()
    {
        Assert.Empty(Codes(eyes: new EyeState(0.02f, 0.97f)));
        Assert.Equal(["eyes_closed"], Codes(eyes: new EyeState(0.02f, 0.1f)));
        Assert.Equal("Open your eyes", QualityIssue.EyesClosed.Instruction);
    }

    [Fact]
    public void No_face_and_several_people_are_picture_level_issues()
    {
        Assert.Equal([QualityIssue.NoFace], Gate.SelfieIssues([], []));

        var main = new DetectedFace(GoodBox, 0.99f);
        var otherPerson = new DetectedFace(new FaceBox(550, 100, 650, 200), 0.98f);
        var issues = Gate.SelfieIssues([main, otherPerson], [QualityIssue.TooDark]);
        Assert.Equal(["multiple_faces", "too_dark"], issues.Select(i => i.Code));
        Assert.Equal("Only you should be in the picture", issues[0].Instruction);
    }

    [Fact]
    public void Doubtful_or_tiny_extra_detections_do_not_count_as_another_person()
    {
        var main = new DetectedFace(GoodBox, 0.99f);
        var doubtful = new DetectedFace(new FaceBox(550, 100, 650, 200), 0.7f); // below OtherFaceMinScore 0.9
        var tiny = new DetectedFace(new FaceBox(600, 10, 640, 50), 0.99f);      // 40 px < 0.25 × 300
        Assert.Empty(Gate.SelfieIssues([main, doubtful, tiny], []));
    }
}
