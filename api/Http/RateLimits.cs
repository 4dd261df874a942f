using System.Threading.RateLimiting;
using EKyc.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Http;

/// <summary>
/// A token bucket per client (the authenticated client once sign-in lands; the remote address until then), so one
/// noisy or compromised client cannot starve the others. Refusals are 429 ProblemDetails with Retry-After.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddEkycRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Result(429, "rate_limited", "Too many requests from this client; retry after the indicated delay.").ExecuteAsync(context.HttpContext);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit;
                if (!options.Enabled || !http.Request.Path.StartsWithSegments("/v1")) return RateLimitPartition.GetNoLimiter("unlimited");
                var client = http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }
}

/// <summary>Per-client request budget; section <c>Api:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 200;

    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int Burst { get; set; } = 400;
}
