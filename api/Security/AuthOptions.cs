using System.ComponentModel.DataAnnotations;

namespace EKyc.Api.Security;

/// <summary>
/// Who may call the API; section <c>Auth</c>. Client platforms present an API key (only its SHA-256 is configured);
/// staff and applicants present a JWT (HS256, from this service's local issuer — <c>./ekyc token</c> — or any issuer
/// sharing the signing key). With <see cref="Enabled"/> false every caller is an administrator of every tenant: for
/// local experiments only, refused outside Development.
/// </summary>
public sealed class AuthOptions
{
    public bool Enabled { get; set; } = true;

    [Required]
    public string Issuer { get; set; } = "ekyc";

    [Required]
    public string Audience { get; set; } = "ekyc-api";

    /// <summary>Base64 of at least 32 random bytes. The embedded host generates one in its data directory when absent.</summary>
    public string? SigningKey { get; set; }

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>How long an applicant's capture link stays valid.</summary>
    public TimeSpan CaptureTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>One client platform's API key: its name, tenant, role, and the hex SHA-256 of the key (never the key).</summary>
public sealed class ApiKeyEntry
{
    [Required]
    public string Name { get; set; } = "";

    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$")]
    public string Tenant { get; set; } = "";

    public string Role { get; set; } = Roles.Client;

    [Required, RegularExpression("^[0-9a-f]{64}$")]
    public string Sha256 { get; set; } = "";
}
