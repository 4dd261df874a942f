using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EKyc.Api.Security;

/// <summary>
/// The local token issuer: signs short-lived JWTs (HS256) for staff (<c>./ekyc token</c>) and for applicants' capture
/// links. A deployment with its own identity provider configures that issuer's key instead and never calls this.
/// </summary>
public sealed class TokenIssuer(AuthOptions options, TimeProvider time)
{
    public string Issue(string subject, string role, string tenant, TimeSpan lifetime, string? applicantId = null)
    {
        var key = SigningKey(options);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            [Roles.RoleClaim] = role,
            [Roles.TenantClaim] = tenant,
        };
        if (applicantId is not null) claims[Roles.ApplicantClaim] = applicantId;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bytes = options.SigningKey is { Length: > 0 } b64 ? Convert.FromBase64String(b64) : [];
        if (bytes.Length < 32) throw new InvalidOperationException("Auth:SigningKey must be base64 of at least 32 random bytes.");
        return new SymmetricSecurityKey(bytes);
    }

    public static ClaimsPrincipal Everyone() => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, "anonymous-admin"),
        new Claim(Roles.RoleClaim, Roles.Admin),
        new Claim(Roles.TenantClaim, EKyc.Verification.Workflow.Actor.AllTenants),
    ], "NoAuth", ClaimTypes.Name, Roles.RoleClaim));
}
