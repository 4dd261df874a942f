using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EKyc.Api.Security;

/// <summary>Registers the two credential kinds (API key, JWT) behind one scheme that picks by header.</summary>
public static class AuthSetup
{
    private const string Selector = "ApiKeyOrBearer";

    public static IServiceCollection AddEkycAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection("Auth")).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || KeyIsValid(o.SigningKey), "Auth:SigningKey must be base64 of at least 32 random bytes when Auth:Enabled is true.")
            .Validate(o => o.ApiKeys.Select(k => k.Sha256).Distinct(StringComparer.Ordinal).Count() == o.ApiKeys.Count, "Auth:ApiKeys repeats a key hash.")
            .ValidateOnStart();
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<IOptions<AuthOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? Roles.ApiKeyScheme : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Roles.ApiKeyScheme, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            var a = auth.Value;
            // Claims keep their JWT names ("sub", "role", "tenant"): no mapping to long URIs.
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = a.Issuer,
                ValidAudience = a.Audience,
                IssuerSigningKey = KeyIsValid(a.SigningKey) ? TokenIssuer.SigningKey(a) : null,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = "sub",
                RoleClaimType = Roles.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        return services;
    }

    private static bool KeyIsValid(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return false;
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written >= 32;
    }
}
