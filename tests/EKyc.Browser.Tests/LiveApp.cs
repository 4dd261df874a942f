using EKyc.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EKyc.Browser.Tests;

/// <summary>
/// The embedded application on a real loopback port (browsers need a real socket) and a headless Debian Chromium
/// driven by Playwright. Never downloads a browser: Chromium comes from the distribution.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            var message = "Debian chromium is not installed (apt-get install chromium); browser tests need it";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException(message);
            return;
        }
        var data = Path.Combine(Path.GetTempPath(), "ekyc-browser", Guid.NewGuid().ToString("N"));
        _app = await EkycApplication.BuildAsync(["--environment", "Development"], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EKyc:DataDirectory"] = data,
                ["EKyc:SiloPort"] = FreePort(),
                ["EKyc:GatewayPort"] = FreePort(),
                ["Dashboards:StaffPages"] = "true",
                // The pages do not sign in yet: these tests exercise them with authentication off (Development only).
                ["Auth:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void SkipUnlessReady()
    {
        if (_app is null) Assert.Skip("Debian chromium is not installed (apt-get install chromium); browser tests need it");
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 412, Height = 915 } });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
