using System.Security.Claims;
using EKyc.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Security;

/// <summary>
/// Applies <see cref="EndpointAccess"/> to every /v1 request, and to any endpoint elsewhere that names its rule with
/// <see cref="AccessRuleMetadata"/>, after authentication: 401 without a valid credential, 403 for a role the endpoint
/// does not admit or an applicant token used for another applicant.
/// </summary>
internal static class AccessControl
{
    public static void UseEkycAccessControl(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Enabled;
        if (enabled) app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (!enabled) context.User = TokenIssuer.Everyone();
            if (context.GetEndpoint() is { } endpoint
                && (context.Request.Path.StartsWithSegments("/v1") || endpoint.Metadata.GetMetadata<AccessRuleMetadata>() is not null)
                && Refusal(context, endpoint) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    private static IResult? Refusal(HttpContext context, Endpoint endpoint)
    {
        var name = endpoint.Metadata.GetMetadata<AccessRuleMetadata>()?.Rule ?? endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (name is null || !EndpointAccess.Rules.TryGetValue(name, out var rule))
            return Problems.Result(403, "forbidden", "This endpoint is not open to any role.");
        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
            return Problems.Result(401, "unauthenticated", "Send an API key (X-Api-Key) or a bearer token.");
        }
        var role = context.User.FindFirstValue(Roles.RoleClaim);
        if (role is null || !rule.Roles.Contains(role))
            return Problems.Result(403, "forbidden", $"The role '{role}' may not call {name}.");
        if (rule.AllTenants && context.User.FindFirstValue(Roles.TenantClaim) != EKyc.Verification.Workflow.Actor.AllTenants)
            return Problems.Result(403, "forbidden", $"{name} shows every tenant's data: it needs a caller of all tenants.");
        if (role == Roles.Applicant)
        {
            var bound = context.User.FindFirstValue(Roles.ApplicantClaim);
            var target = context.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString() : null;
            if (!rule.ApplicantBound || bound is null || !string.Equals(bound, target, StringComparison.OrdinalIgnoreCase))
                return Problems.Result(403, "forbidden", "This capture link is for another applicant or another step.");
        }
        return null;
    }
}
