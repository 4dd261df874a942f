using EKyc.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Http;

/// <summary>
/// One body-size limit for every host: a declared length over the limit is refused before anything is read, and
/// the server's own limit (Kestrel) is set for bodies without a declared length.
/// </summary>
internal static class RequestBodyLimit
{
    public static void UseRequestBodyLimit(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        app.Use(async (context, next) =>
        {
            // Image uploads are the only large bodies; everything else (JSON) keeps the small limit.
            var limit = IsUpload(context.Request) ? options.MaxUploadBodyBytes : options.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problems.Result(413, ErrorCodes.PayloadTooLarge, $"The request body is larger than {limit} bytes.").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            await next(context);
        });
    }

    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/v1/applicants")
        && (request.Path.Value!.EndsWith("/documents", StringComparison.Ordinal) || request.Path.Value.EndsWith("/selfie", StringComparison.Ordinal)
            || request.Path.Value.Contains("/liveness/", StringComparison.Ordinal));
}
