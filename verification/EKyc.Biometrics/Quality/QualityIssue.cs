namespace EKyc.Biometrics.Quality;

/// <summary>
/// A reason a selfie cannot be used: a stable snake_case code for logs, metrics and API clients, and the short
/// instruction shown to the applicant. Codes never change once published; instructions may be reworded.
/// </summary>
public sealed record QualityIssue(string Code, string Instruction)
{
    public static readonly QualityIssue NoFace = new("no_face", "Face the camera");
    public static readonly QualityIssue MultipleFaces = new("multiple_faces", "Only you should be in the picture");
    public static readonly QualityIssue FaceTooSmall = new("face_too_small", "Move closer");
    public static readonly QualityIssue PoseNotFrontal = new("pose_not_frontal", "Face the camera");
    public static readonly QualityIssue TooBlurry = new("too_blurry", "Hold the camera still");
    public static readonly QualityIssue TooDark = new("too_dark", "More light");
    public static readonly QualityIssue TooBright = new("too_bright", "Less light on your face");
    public static readonly QualityIssue EyesClosed = new("eyes_closed", "Open your eyes");
}
