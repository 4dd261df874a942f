namespace EKyc.Api.Security;

/// <summary>The roles the API knows, and the claim names its tokens carry.</summary>
public static class Roles
{
    /// <summary>A client platform (API key or client-credentials token): its own applicants, accounts, webhooks.</summary>
    public const string Client = "client";

    /// <summary>Risk analyst: flagged accounts, flag actions, account audit.</summary>
    public const string Analyst = "analyst";

    /// <summary>Reviewer: the manual-review queue, evidence, decisions.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Auditor: reads the audit trail and verifies the chain; changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Administrator of a tenant (or of all, with tenant "*").</summary>
    public const string Admin = "admin";

    /// <summary>An applicant in the web capture flow, bound to one applicant id by a short-lived token.</summary>
    public const string Applicant = "applicant";

    public const string TenantClaim = "tenant";
    public const string RoleClaim = "role";
    public const string ApplicantClaim = "applicant";
    public const string ApiKeyScheme = "ApiKey";
}
