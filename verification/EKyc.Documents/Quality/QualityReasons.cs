using EKyc.Verification.Checks;

namespace EKyc.Documents.Quality;

/// <summary>The capture-quality reason codes, each with the one instruction that fixes it.</summary>
public static class QualityReasons
{
    public static readonly ReasonCode Blurry = new("image_blurry", ReasonCategory.Retryable, "Hold the phone still and tap the document to focus: the photo is blurry.");
    public static readonly ReasonCode Glare = new("glare_detected", ReasonCategory.Retryable, "Avoid glare: tilt the document away from the light.");
    public static readonly ReasonCode TooDark = new("image_too_dark", ReasonCategory.Retryable, "Find more light: the photo is too dark.");
    public static readonly ReasonCode TooBright = new("image_overexposed", ReasonCategory.Retryable, "Move out of direct light: the photo is washed out.");
    public static readonly ReasonCode TooSmall = new("document_too_small", ReasonCategory.Retryable, "Move closer: the document should fill most of the frame.");
    public static readonly ReasonCode LowResolution = new("document_resolution_too_low", ReasonCategory.Retryable, "Move closer or use your phone's main camera: the text is too small to read.");
    public static readonly ReasonCode CornersCut = new("document_corners_cut_off", ReasonCategory.Retryable, "Show all four corners of the document inside the frame.");
    public static readonly ReasonCode MrzNotFound = new("mrz_not_found", ReasonCategory.Retryable, "Make sure the lines of machine-readable text (with the <<< characters) are fully visible and sharp.");
    public static readonly ReasonCode MrzUnreadable = new("mrz_unreadable", ReasonCategory.Retryable, "We could not read the machine-readable lines: retake the photo straight on, sharp and without glare.");
}
