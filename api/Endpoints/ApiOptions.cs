using System.ComponentModel.DataAnnotations;

namespace EKyc.Api.Endpoints;

/// <summary>Limits and consent versions of the HTTP API; section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>Most events one activity batch may carry.</summary>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 5_000;

    /// <summary>Largest request body accepted, in bytes (images have their own, endpoint-specific limits).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest upload request (document front and back, selfie, liveness frames), in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxUploadBodyBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>Largest single image in an upload, in bytes; the silo applies its own decoded-pixel limits too.</summary>
    [Range(1024, 1L << 30)]
    public long MaxImageBytes { get; set; } = 15L * 1024 * 1024;

    public Http.RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Consent-text versions the service accepts; the first is the one shown to new applicants.</summary>
    [Required, MinLength(1)]
    public string[] ConsentVersions { get; set; } = ["2026-11"];
}
