namespace EKyc.Documents.Intake;

/// <summary>The image formats accepted for capture, recognised by their magic bytes only.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
}
