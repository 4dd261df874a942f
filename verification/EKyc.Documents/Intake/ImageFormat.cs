namespace EKyc.Documents.Intake;

/// <summary>The image formats accepted for capture, recognised by their magic bytes only.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
}

public static class ImageFormats
{
    /// <summary>The media type stored with an image of this format (JPEG when unknown: the intake decodes nothing else).</summary>
    public static string MediaType(this ImageFormat? format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        _ => "image/jpeg",
    };
}
