using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EKyc.Integration.Tests.Support;

/// <summary>
/// The whole embedded application (silo + API on a SQLite file) in the test process. Disposing it stops the silo;
/// a new instance on the same data directory is a restart.
/// </summary>
public sealed class EmbeddedApp(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Every log line the application wrote, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.UseSetting("EKyc:Mode", "Embedded");
        builder.UseSetting("EKyc:Storage", "Sqlite");
        builder.UseSetting("EKyc:DataDirectory", DataDirectory);
        builder.UseSetting("EKyc:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("EKyc:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Credentials: a signing key for test tokens, and an administrator key of tenant "default" that the default
        // client sends, so scenario tests act as a fully trusted platform; the access tests use TokenFor/ApiKey.
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:ApiKeys:0:Name", "test-admin");
        builder.UseSetting("Auth:ApiKeys:0:Tenant", "default");
        builder.UseSetting("Auth:ApiKeys:0:Role", "admin");
        builder.UseSetting("Auth:ApiKeys:0:Sha256", EKyc.Api.Security.ApiKeyHandler.Hash(AdminKey));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        // Business time only: the Orleans runtime keeps the real clock for its timers and reminders.
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(new EKyc.Grains.DomainClock(clock)));
    }

    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static readonly string AdminKey = "ekyc_test_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>A client without any credential.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>A client holding a token of <paramref name="role"/> for <paramref name="tenant"/> from the local issuer.</summary>
    public HttpClient CreateClientAs(string role, string tenant, string? applicantId = null)
    {
        var client = CreateAnonymousClient();
        var issuer = new EKyc.Api.Security.TokenIssuer(new EKyc.Api.Security.AuthOptions { SigningKey = SigningKey }, TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            issuer.Issue($"{role}-{tenant}", role, tenant, TimeSpan.FromMinutes(10), applicantId));
        return client;
    }

    public static string NewDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ekyc-it", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
