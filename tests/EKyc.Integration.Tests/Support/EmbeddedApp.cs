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
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        // Business time only: the Orleans runtime keeps the real clock for its timers and reminders.
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(new EKyc.Grains.DomainClock(clock)));
    }

    public static string NewDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ekyc-it", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
