using EKyc.Verification.Workflow;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Endpoints;

/// <summary>
/// Who is calling, for the history. Until authentication lands every call is the client platform; staff endpoints
/// will take the actor from the signed-in principal.
/// </summary>
internal static class Actors
{
    public static Actor Client(HttpContext context) =>
        new(ActorKind.Client, context.User.Identity?.Name is { Length: > 0 } name ? name : "platform");

    public static Actor Reviewer(HttpContext context) =>
        new(ActorKind.Reviewer, context.User.Identity?.Name is { Length: > 0 } name ? name : "reviewer");

    public static string Analyst(HttpContext context) =>
        context.User.Identity?.Name is { Length: > 0 } name ? name : "analyst";
}
