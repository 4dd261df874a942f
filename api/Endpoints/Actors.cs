using System.Security.Claims;
using EKyc.Api.Security;
using EKyc.Verification.Workflow;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Endpoints;

/// <summary>
/// Who is calling, from the authenticated principal: the kind recorded in histories and the audit trail, the name,
/// and the tenant whose records the call may touch.
/// </summary>
internal static class Actors
{
    public static Actor Client(HttpContext context) => Of(context, ActorKind.Client);

    public static Actor Reviewer(HttpContext context) => Of(context, ActorKind.Reviewer);

    public static string Analyst(HttpContext context) => Name(context, "analyst");

    /// <summary>The caller's tenant ("*" for an administrator of all tenants).</summary>
    public static string Tenant(HttpContext context) => context.User.FindFirstValue(Roles.TenantClaim) ?? Actor.AllTenants;

    /// <summary>The tenant a list is restricted to: the caller's, or null (every tenant) for an administrator of all.</summary>
    public static string? TenantFilter(HttpContext context) => Tenant(context) is var t && t == Actor.AllTenants ? null : t;

    /// <summary>The actor as the records should name it: an applicant acting through a capture link is the applicant.</summary>
    public static Actor Of(HttpContext context, ActorKind fallback)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = context.User.FindFirstValue(Roles.RoleClaim) switch
        {
            Roles.Applicant => ActorKind.Applicant,
            Roles.Reviewer => ActorKind.Reviewer,
            Roles.Analyst => ActorKind.Analyst,
            _ => fallback,
        };
        return new Actor(kind, Name(context, kind.ToString().ToLowerInvariant()), Tenant(context));
    }

    private static string Name(HttpContext context, string fallback) =>
        context.User.Identity?.Name is { Length: > 0 } name ? name : fallback;
}
