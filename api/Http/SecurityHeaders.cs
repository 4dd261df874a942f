using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Http;

/// <summary>
/// Headers on every API response: no MIME sniffing, no referrer, no framing, and no caching of responses that may
/// carry personal data. HSTS is added by the host when it serves HTTPS.
/// </summary>
internal static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/v1")) headers.CacheControl = "no-store";
            await next(context);
        });
}
