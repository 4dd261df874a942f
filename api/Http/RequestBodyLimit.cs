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
        var limit = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (context, next) =>
        {
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
}
