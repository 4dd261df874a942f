using EKyc.Api.Http;
using EKyc.GrainInterfaces.Accounts;
using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Workflow;
using EKyc.ReadModels.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EKyc.Api.Endpoints;

/// <summary>The audit trail for auditors: a subject's entries, and a verification of the whole chain.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/audit").WithTags("Audit");
        group.MapGet("/{subjectType}/{subjectId}", async (string subjectType, string subjectId, AuditTrail audit, IGrainFactory grains, HttpContext http, CancellationToken ct) =>
        {
            if (subjectType is not ("applicant" or "account" or "keys"))
                return Problems.Result(400, "invalid_subject_type", "subjectType is applicant, account or keys.");
            // Tenants see their own subjects only; key events belong to the deployment (administrators of all tenants).
            var caller = Actors.Of(http, ActorKind.Client);
            var key = subjectId;
            switch (subjectType)
            {
                case "applicant":
                    if (!Guid.TryParse(subjectId, out var applicantId) || await VisibleApplicants.FindAsync(grains, applicantId, http) is null)
                        return Problems.Result(404, "subject_not_found", "No such subject.");
                    break;
                case "account":
                    if (!AccountIds.IsValid(subjectId)) return Problems.Result(404, "subject_not_found", "No such subject.");
                    key = AccountKeys.For(Actors.Tenant(http), subjectId);
                    break;
                default:
                    if (caller.Tenant != Actor.AllTenants) return Problems.Result(404, "subject_not_found", "No such subject.");
                    break;
            }
            return Results.Ok(await audit.ForSubjectAsync(subjectType, key, ct));
        }).WithName("AuditForSubject").WithSummary("Audit entries about one applicant or account, oldest first.");

        group.MapGet("/verification", async (AuditTrail audit, CancellationToken ct) =>
        {
            var (count, broken) = await audit.VerifyAsync(ct);
            return Results.Ok(new { records = count, intact = broken is null, firstBrokenSeq = broken?.Seq });
        }).WithName("VerifyAudit").WithSummary("Recompute the hash chain over every entry and report the first break.");
        return v1;
    }
}
