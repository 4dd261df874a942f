using System.Collections.Frozen;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Security;

/// <summary>
/// Authenticates client platforms by API key (header <c>X-Api-Key</c>). The key is hashed and looked up among the
/// configured hashes: keys are random (256 bits), so an unsalted SHA-256 is safe to store and cheap to check.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";
    private readonly FrozenDictionary<string, ApiKeyEntry> _keys =
        auth.Value.ApiKeys.ToFrozenDictionary(k => k.Sha256, StringComparer.Ordinal);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } key)
            return Task.FromResult(AuthenticateResult.NoResult());
        if (key.Length > 200 || !_keys.TryGetValue(Hash(key), out var entry))
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, entry.Name),
            new Claim(Roles.RoleClaim, entry.Role),
            new Claim(Roles.TenantClaim, entry.Tenant),
        ], Scheme.Name, ClaimTypes.Name, Roles.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
