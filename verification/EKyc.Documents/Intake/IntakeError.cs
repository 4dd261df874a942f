namespace EKyc.Documents.Intake;

/// <summary>Why an upload was refused before any analysis: a stable code and a message for the caller.</summary>
public sealed record IntakeError(string Code, string Message)
{
    public const string Empty = "image_empty";
    public const string TooLarge = "image_too_large";
    public const string UnsupportedFormat = "image_unsupported_format";
    public const string Corrupt = "image_corrupt";
    public const string TooManyPixels = "image_too_many_pixels";
    public const string TooSmall = "image_too_small";
}
