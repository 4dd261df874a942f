using EKyc.Api.Http;
using EKyc.GrainInterfaces.Applicants;
using EKyc.ReadModels.Audit;
using EKyc.ReadModels.Evidence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Endpoints;

/// <summary>Capture uploads (document) and the evidence a reviewer looks at.</summary>
public static class EvidenceEndpoints
{
    public static RouteGroupBuilder MapEvidence(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/applicants").WithTags("Capture");

        group.MapPost("/{id:guid}/documents", async (Guid id, HttpRequest request, IGrainFactory grains, IOptions<ApiOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            if (key.Length > 200) return Problems.Result(400, "invalid_idempotency_key", "Idempotency-Key is at most 200 characters.");
            var (form, problem) = await Uploads.ReadFormAsync(request, ct);
            if (problem is not null) return problem;
            var type = form!["documentType"].ToString();
            if (type.Length == 0) return Problems.Result(400, "invalid_document_type", "documentType is required: passport, id_card, residence_permit, visa or driving_licence.");
            var (front, frontProblem) = await Uploads.ReadFileAsync(form, "front", required: true, options.Value.MaxImageBytes, ct);
            if (frontProblem is not null) return frontProblem;
            var (back, backProblem) = await Uploads.ReadFileAsync(form, "back", required: false, options.Value.MaxImageBytes, ct);
            if (backProblem is not null) return backProblem;
            var result = await grains.GetGrain<IApplicantGrain>(id).SubmitDocumentAsync(
                new DocumentSubmission(type, front!, back), key.Length > 0 ? key : Guid.NewGuid().ToString("N"), Actors.Client(http));
            return Problems.Map(result, view => Results.Ok(view));
        }).WithName("SubmitDocument").WithSummary("Upload the document (multipart: documentType, front, optional back); the checks run and drive the applicant's state.");

        group.MapGet("/{id:guid}/evidence", async (Guid id, IGrainFactory grains, HttpContext http) =>
            await VisibleApplicants.FindAsync(grains, id, http) is not null
                ? Results.Ok(await grains.GetGrain<IApplicantGrain>(id).GetEvidenceAsync())
                : Problems.Result(404, "applicant_not_found", "No applicant has this id."))
            .WithName("ListEvidence").WithSummary("The stored evidence of an applicant (ids and kinds).");

        group.MapGet("/{id:guid}/checks", async (Guid id, IGrainFactory grains, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (await VisibleApplicants.FindAsync(grains, id, http) is null) return Problems.Result(404, "applicant_not_found", "No applicant has this id.");
            var results = await grains.GetGrain<IApplicantGrain>(id).GetCheckResultsAsync();
            // Check facts include extracted document data (birth date, nationality): a read of personal data, audited.
            var reader = Actors.Reviewer(http);
            await audit.AppendAsync(new AuditEntry(clock.GetUtcNow(), reader.Kind.ToString(), reader.Id, "applicant.checks_read", "applicant", id.ToString(), ""), ct);
            return Results.Ok(results);
        }).WithName("ListCheckResults").WithSummary("The current round's check results (outcomes, reasons, scores, model versions, extracted facts); audited.");

        group.MapGet("/{id:guid}/evidence/{evidenceId}", async (Guid id, string evidenceId, EvidenceVault vault, AuditTrail audit, TimeProvider clock, IGrainFactory grains, HttpContext http, CancellationToken ct) =>
        {
            if (evidenceId.Length > 64 || await VisibleApplicants.FindAsync(grains, id, http) is null) return Problems.Result(404, "evidence_not_found", "No evidence has this id for this applicant.");
            if (await vault.GetAsync(id, evidenceId, ct) is not { } evidence)
                return Problems.Result(404, "evidence_not_found", "No evidence has this id for this applicant.");
            var reader = Actors.Reviewer(http);
            await audit.AppendAsync(new AuditEntry(clock.GetUtcNow(), reader.Kind.ToString(), reader.Id, "evidence.read", "applicant", id.ToString(), evidence.Kind), ct);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(evidence.Content, evidence.ContentType);
        }).WithName("GetEvidence").WithSummary("One piece of evidence (decrypted image), for a reviewer; every read is audited.");

        return group;
    }
}
