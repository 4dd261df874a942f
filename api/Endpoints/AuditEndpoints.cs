using EKyc.Api.Http;
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
        group.MapGet("/{subjectType}/{subjectId}", async (string subjectType, string subjectId, AuditTrail audit, CancellationToken ct) =>
        {
            if (subjectType is not ("applicant" or "account" or "keys"))
                return Problems.Result(400, "invalid_subject_type", "subjectType is applicant, account or keys.");
            return Results.Ok(await audit.ForSubjectAsync(subjectType, subjectId, ct));
        }).WithName("AuditForSubject").WithSummary("Audit entries about one applicant or account, oldest first.");

        group.MapGet("/verification", async (AuditTrail audit, CancellationToken ct) =>
        {
            var (count, broken) = await audit.VerifyAsync(ct);
            return Results.Ok(new { records = count, intact = broken is null, firstBrokenSeq = broken?.Seq });
        }).WithName("VerifyAudit").WithSummary("Recompute the hash chain over every entry and report the first break.");
        return v1;
    }
}
