namespace EKyc.Api.Http;

/// <summary>Stable error codes the HTTP layer itself produces (grains produce the domain ones).</summary>
public static class ErrorCodes
{
    public const string MalformedJson = "malformed_json";
    public const string PayloadTooLarge = "payload_too_large";
    public const string BatchTooLarge = "batch_too_large";
    public const string ValidationFailed = "validation_failed";
    public const string Internal = "internal_error";
    public const string NotFound = "not_found";
}
