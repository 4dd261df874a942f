using EKyc.Api.Http;
using EKyc.GrainInterfaces.Applicants;
using EKyc.ReadModels;
using EKyc.ReadModels.Audit;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Endpoints;

/// <summary>Applicant endpoints: each binds, calls one grain method, and maps the result.</summary>
public static class ApplicantEndpoints
{
    public static RouteGroupBuilder MapApplicants(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/applicants").WithTags("Applicants");

        group.MapPost("/", async (CreateApplicantRequest body, IGrainFactory grains, HttpContext http) =>
        {
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            if (key.Length > 200) return Problems.Result(400, "invalid_idempotency_key", "Idempotency-Key is at most 200 characters.");
            var id = key.Length > 0 ? IdempotentIds.For(Actors.Client(http).Id, key) : Guid.CreateVersion7();
            if (body.BirthDate is { } birth && (birth > DateOnly.FromDateTime(DateTime.UtcNow) || birth.Year < DateTime.UtcNow.Year - 130))
                return Problems.Result(400, "invalid_birth_date", "birthDate must be a past date (ISO 8601, yyyy-MM-dd) within 130 years.");
            var command = new RegisterApplicant(body.GivenNames ?? "", body.Surname ?? "", body.Email ?? "", body.Phone ?? "",
                body.RiskTier ?? RiskTier.Medium, Actors.Client(http), body.BirthDate);
            var result = await grains.GetGrain<IApplicantGrain>(id).RegisterAsync(command);
            return Problems.Map(result, view => TypedResults.Created($"/v1/applicants/{id}", view));
        }).WithName("CreateApplicant").WithSummary("Register an applicant (name, email, E.164 phone).");

        group.MapGet("/", async (string? stage, int? page, int? pageSize, ApplicantsTable table, HttpContext http, CancellationToken ct) =>
        {
            if (stage is not null && !Enum.TryParse<VerificationStage>(stage, ignoreCase: false, out _))
                return Problems.Result(400, "invalid_stage", $"stage must be one of: {string.Join(", ", Enum.GetNames<VerificationStage>())}.");
            if (Paging.Validate(page, pageSize, ApplicantsTable.MaxPageSize) is { } invalid) return invalid;
            return Results.Ok(await table.ListAsync(stage, Actors.TenantFilter(http), page ?? 1, pageSize ?? 50, ct));
        }).WithName("ListApplicants").WithSummary("Case list by stage (e.g. ManualReview for reviewers), longest waiting first; no personal data.");

        group.MapGet("/{id:guid}", async (Guid id, IGrainFactory grains, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (await VisibleApplicants.FindAsync(grains, id, http) is not { } view)
                return Problems.Result(404, "applicant_not_found", "No applicant has this id.");
            // Every read of personal data is on the record: who read which applicant, when.
            var reader = Actors.Client(http);
            await audit.AppendAsync(new AuditEntry(clock.GetUtcNow(), reader.Kind.ToString(), reader.Id, "applicant.pii_read", "applicant", id.ToString(), ""), ct);
            return Results.Ok(view);
        })
            .WithName("GetApplicant").WithSummary("State, pending steps, guidance and history of an applicant.");

        group.MapPost("/{id:guid}/consent", async (Guid id, ConsentRequest body, IGrainFactory grains, IOptions<ApiOptions> options, HttpContext http) =>
        {
            if (body.ConsentVersion is not { } version || !options.Value.ConsentVersions.Contains(version, StringComparer.Ordinal))
            {
                return Problems.Result(400, "unknown_consent_version",
                    $"consentVersion must be one of the published consent texts: {string.Join(", ", options.Value.ConsentVersions)}.");
            }
            var grain = grains.GetGrain<IApplicantGrain>(id);
            var consent = await grain.GiveConsentAsync(version, body.Channel ?? "api", Actors.Client(http));
            if (!consent.IsOk) return Problems.From(consent.Error!);
            // Consent opens document capture straight away: the applicant's next step is the document.
            return Problems.Map(await grain.StartCaptureAsync(Actor.System), view => Results.Ok(view));
        }).WithName("RecordConsent").WithSummary("Record explicit consent to a published consent-text version.");

        group.MapPost("/{id:guid}/capture-link", async (Guid id, IGrainFactory grains, EKyc.Api.Security.TokenIssuer issuer,
            Microsoft.Extensions.Options.IOptions<EKyc.Api.Security.AuthOptions> auth, TimeProvider clock, HttpContext http) =>
        {
            if (await VisibleApplicants.FindAsync(grains, id, http) is not { } view)
                return Problems.Result(404, "applicant_not_found", "No applicant has this id.");
            var lifetime = auth.Value.CaptureTokenLifetime;
            var token = issuer.Issue($"applicant:{id}", EKyc.Api.Security.Roles.Applicant, view.TenantId ?? Actor.AllTenants, lifetime, id.ToString());
            // The token travels in the URL fragment: browsers never send fragments to servers or in Referer headers.
            return Results.Ok(new { token, expiresAt = clock.GetUtcNow() + lifetime, url = $"/app/applicant/#applicant={id}&token={token}" });
        }).WithName("IssueCaptureLink").WithSummary("A short-lived link for the applicant's own browser capture flow (applicant-bound token).");

        group.MapPost("/{id:guid}/capture", async (Guid id, IGrainFactory grains, HttpContext http) =>
            Problems.Map(await grains.GetGrain<IApplicantGrain>(id).StartCaptureAsync(Actors.Client(http)), view => Results.Ok(view)))
            .WithName("StartCapture").WithSummary("Begin (re-)verification: open document capture.");

        group.MapPost("/{id:guid}/reverification", async (Guid id, ReasonRequest body, IGrainFactory grains, HttpContext http) =>
            Problems.Map(await grains.GetGrain<IApplicantGrain>(id).RequireReverificationAsync(
                ReverificationSource.ClientRequest, body.Reason ?? "", Actors.Client(http)), view => Results.Ok(view)))
            .WithName("TriggerReverification").WithSummary("Require re-verification of an approved applicant, with a reason.");

        group.MapPost("/{id:guid}/withdrawal", async (Guid id, ReasonRequest body, IGrainFactory grains, HttpContext http) =>
            Problems.Map(await grains.GetGrain<IApplicantGrain>(id).WithdrawConsentAsync(body.Reason ?? "", Actors.Client(http)), view => Results.Ok(view)))
            .WithName("WithdrawConsent").WithSummary("Withdraw consent: processing stops.");

        group.MapPost("/{id:guid}/review", async (Guid id, ReviewRequest body, IGrainFactory grains, HttpContext http) =>
        {
            bool? approve = body.Decision switch { "approve" => true, "reject" => false, _ => null };
            if (approve is null) return Problems.Result(400, "invalid_decision", "decision must be 'approve' or 'reject'.");
            return Problems.Map(await grains.GetGrain<IApplicantGrain>(id).ReviewAsync(approve.Value, body.Reason ?? "", Actors.Reviewer(http)), view => Results.Ok(view));
        }).WithName("ReviewApplicant").WithSummary("A reviewer's decision on an applicant in manual review.");

        group.MapPost("/{id:guid}/erasure", async (Guid id, IGrainFactory grains, HttpContext http) =>
            Problems.Map(await grains.GetGrain<IApplicantGrain>(id).RequestErasureAsync(Actors.Client(http)), view => Results.Ok(view)))
            .WithName("RequestErasure").WithSummary("Erase personal data now unless a legal hold or a retention duty applies (then 409 with the reason).");

        group.MapPut("/{id:guid}/legal-hold", async (Guid id, ReasonRequest body, IGrainFactory grains, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(body.Reason)) return Problems.Result(400, "reason_required", "A legal hold needs a reason.");
            return Problems.Map(await grains.GetGrain<IApplicantGrain>(id).SetLegalHoldAsync(body.Reason, Actors.Client(http)), view => Results.Ok(view));
        }).WithName("PlaceLegalHold").WithSummary("Place a legal hold: the data is kept whatever the retention schedule says.");

        group.MapDelete("/{id:guid}/legal-hold", async (Guid id, IGrainFactory grains, HttpContext http) =>
            Problems.Map(await grains.GetGrain<IApplicantGrain>(id).SetLegalHoldAsync(null, Actors.Client(http)), view => Results.Ok(view)))
            .WithName("LiftLegalHold").WithSummary("Lift a legal hold.");

        group.MapPost("/{id:guid}/accounts", async (Guid id, LinkAccountRequest body, IGrainFactory grains, HttpContext http) =>
        {
            if (AccountIds.Validate(body.AccountId) is { } problem) return problem;
            return Problems.Map(await grains.GetGrain<IApplicantGrain>(id).LinkAccountAsync(body.AccountId!, Actors.Client(http)), view => Results.Ok(view));
        }).WithName("LinkAccount").WithSummary("Link a platform account to the applicant for monitoring.");

        return group;
    }
}
