using System.Collections.Frozen;

namespace EKyc.Api.Security;

/// <summary>
/// Who may call each endpoint, by endpoint name: the one table of the API's access rules (and the matrix the tests
/// check). An endpoint under /v1 missing from it is refused to everyone — access is granted here or nowhere.
/// Tenant isolation is separate and applies on top: a caller only ever reaches its own tenant's records.
/// </summary>
public static class EndpointAccess
{
    private static readonly string[] ClientSide = [Roles.Client, Roles.Admin];

    public static FrozenDictionary<string, EndpointRule> Rules { get; } = new Dictionary<string, EndpointRule>
    {
        // Client platform: onboarding, accounts, activity, webhooks.
        ["CreateApplicant"] = new(ClientSide),
        ["RecordConsent"] = new([Roles.Client, Roles.Admin, Roles.Applicant], ApplicantBound: true),
        ["StartCapture"] = new(ClientSide),
        // Analysts require re-KYC of an account's applicant from the flag they are working.
        ["TriggerReverification"] = new([Roles.Client, Roles.Analyst, Roles.Admin]),
        ["WithdrawConsent"] = new([Roles.Client, Roles.Admin, Roles.Applicant], ApplicantBound: true),
        ["LinkAccount"] = new(ClientSide),
        ["RequestErasure"] = new(ClientSide),
        ["PlaceLegalHold"] = new([Roles.Admin]),
        ["LiftLegalHold"] = new([Roles.Admin]),
        ["IssueCaptureLink"] = new(ClientSide),
        ["IngestActivity"] = new(ClientSide),
        ["StreamActivity"] = new(ClientSide),
        ["RegisterWebhook"] = new(ClientSide),
        ["ListWebhooks"] = new(ClientSide),
        ["DeleteWebhook"] = new(ClientSide),
        ["WebhookDeliveries"] = new(ClientSide),

        // Capture: the client platform's own integration, or the applicant through a capture link for that applicant.
        ["GetApplicant"] = new([Roles.Client, Roles.Reviewer, Roles.Analyst, Roles.Admin, Roles.Applicant], ApplicantBound: true),
        ["SubmitDocument"] = new([Roles.Client, Roles.Admin, Roles.Applicant], ApplicantBound: true),
        ["StartLiveness"] = new([Roles.Client, Roles.Admin, Roles.Applicant], ApplicantBound: true),
        ["SubmitLivenessFrames"] = new([Roles.Client, Roles.Admin, Roles.Applicant], ApplicantBound: true),
        ["SubmitSelfie"] = new([Roles.Client, Roles.Admin, Roles.Applicant], ApplicantBound: true),

        // Reviewers: the queue, the evidence, the decision.
        ["ListApplicants"] = new([Roles.Client, Roles.Reviewer, Roles.Admin]),
        ["ListEvidence"] = new([Roles.Reviewer, Roles.Admin]),
        ["ListCheckResults"] = new([Roles.Reviewer, Roles.Admin]),
        ["GetEvidence"] = new([Roles.Reviewer, Roles.Admin]),
        ["ReviewApplicant"] = new([Roles.Reviewer, Roles.Admin]),

        // Analysts: flagged accounts and their handling.
        ["ListFlaggedAccounts"] = new([Roles.Analyst, Roles.Client, Roles.Admin]),
        ["GetAccount"] = new([Roles.Analyst, Roles.Client, Roles.Admin]),
        ["ActOnFlag"] = new([Roles.Analyst, Roles.Admin]),

        // Audit: read by the people accountable for it; the chain check by auditors.
        ["AuditForSubject"] = new([Roles.Auditor, Roles.Analyst, Roles.Reviewer, Roles.Admin]),
        ["VerifyAudit"] = new([Roles.Auditor, Roles.Admin]),

        // Operations: the Orleans Dashboard lists every tenant's grains, so only an administrator of all tenants.
        [OrleansDashboard] = new([Roles.Admin], AllTenants: true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rule of the Orleans Dashboard's endpoints (mapped outside /v1 with <see cref="AccessRuleMetadata"/>).</summary>
    public const string OrleansDashboard = "OrleansDashboard";
}

/// <summary>
/// The roles allowed on an endpoint. <see cref="ApplicantBound"/>: an applicant's token is accepted only for the
/// applicant id in the route (<c>{id}</c>), the one it was issued for. <see cref="AllTenants"/>: only a caller of
/// every tenant (tenant "*") is admitted, for endpoints that show more than one tenant's data.
/// </summary>
public sealed record EndpointRule(string[] Roles, bool ApplicantBound = false, bool AllTenants = false);
