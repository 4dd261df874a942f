using System.Security.Cryptography;
using EKyc.Api.Security;

namespace EKyc.Silo.Hosting;

/// <summary>
/// First-run credentials for the embedded default, kept in the data directory (owner-only files): the token signing
/// key, and one API key for tenant "default" so the client platform can start at once. Cluster modes never generate
/// anything: their keys come from configuration (a Secret), and starting without them fails validation.
/// </summary>
internal static class AuthBootstrap
{
    public const string DefaultTenant = "default";

    public static void Apply(WebApplicationBuilder builder, HostingOptions hosting)
    {
        var auth = builder.Configuration.GetSection("Auth");
        if (hosting.Mode != HostMode.Embedded || !auth.GetValue("Enabled", true)) return;
        var dir = Path.Combine(hosting.DataDirectory, "auth");
        Directory.CreateDirectory(dir);
        if (string.IsNullOrEmpty(auth["SigningKey"]))
        {
            builder.Configuration["Auth:SigningKey"] = ReadOrCreate(Path.Combine(dir, "signing.key"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        if (!auth.GetSection("ApiKeys").GetChildren().Any())
        {
            var key = ReadOrCreate(Path.Combine(dir, "client-api-key"), NewApiKey);
            builder.Configuration["Auth:ApiKeys:0:Name"] = "embedded-default-client";
            builder.Configuration["Auth:ApiKeys:0:Tenant"] = DefaultTenant;
            builder.Configuration["Auth:ApiKeys:0:Role"] = Roles.Client;
            builder.Configuration["Auth:ApiKeys:0:Sha256"] = ApiKeyHandler.Hash(key);
        }
    }

    /// <summary>A new API key: 32 random bytes, URL-safe, with a prefix that makes leaked keys easy to scan for.</summary>
    public static string NewApiKey() => "ekyc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var value = create();
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(value);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    }
}
