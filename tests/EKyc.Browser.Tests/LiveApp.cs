using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EKyc.Api.Security;
using EKyc.Silo.Hosting;
using EKyc.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EKyc.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class LiveAppGroup : ICollectionFixture<LiveApp>
{
    public const string Name = "live app";
}

/// <summary>
/// The embedded application on a real loopback port (browsers need a real socket), with authentication on as in
/// production: the test is the client platform (an API key), staff sign in with tokens from the local issuer, and
/// applicants use capture links. A headless Debian Chromium driven by Playwright, with a fake camera playing a clip
/// made with ffmpeg from a published specimen passport. Never downloads a browser.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    public const string Tenant = "default";

    /// <summary>The specimen the camera films and the upload tests send (expired in 2016).</summary>
    public const string SpecimenPassport = "passporteye/100_pass-cze2.jpg";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string? _skip;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _apiKey = "ekyc_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The client platform: every call carries its API key.</summary>
    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Why the fake camera has no clip (ffmpeg or the shared data missing), or null when it has one.</summary>
    public string? CameraProblem { get; private set; }

    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            _skip = "Debian chromium is not installed (apt-get install chromium); browser tests need it";
            if (IsCi) throw new InvalidOperationException(_skip);
            return;
        }
        Directory.CreateDirectory(Artifacts);
        var clip = await MakeCameraClipAsync();
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
                ["Auth:Enabled"] = "true",
                ["Auth:SigningKey"] = _signingKey,
                ["Auth:ApiKeys:0:Name"] = "browser-test-platform",
                ["Auth:ApiKeys:0:Tenant"] = Tenant,
                ["Auth:ApiKeys:0:Role"] = Roles.Client,
                ["Auth:ApiKeys:0:Sha256"] = ApiKeyHandler.Hash(_apiKey),
                // Published specimens are web-sized (about 600 px): accept them, as the document tests do.
                ["Documents:Intake:MinSide"] = "200",
                // The anomaly model trains on the platform's own normal activity: quickly here, so a chart has scores.
                ["Monitoring:Model:SampleRate"] = "1",
                ["Monitoring:Model:MaxSamplesPerSecond"] = "1000",
                ["Monitoring:Model:MinSamples"] = "150",
                ["Monitoring:Model:TrainingInterval"] = "00:00:02",
                ["Monitoring:Model:RefreshInterval"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Http.DefaultRequestHeaders.Add(ApiKeyHandler.Header, _apiKey);
        _playwright = await Playwright.CreateAsync();
        List<string> args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"];
        if (clip is not null) args.Add($"--use-file-for-fake-video-capture={clip}");
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = args });
    }

    private static readonly string[] FfmpegPaths = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"];

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A short y4m clip of the specimen passport on a dark surface, 1280×720 (Chromium loops it as the camera). Made at
    /// test time with ffmpeg; without ffmpeg or the shared data the camera tests skip (fail under CI).
    /// </summary>
    private async Task<string?> MakeCameraClipAsync()
    {
        var source = SharedData.Directory is { } root ? Path.Combine(root, "documents", SpecimenPassport) : null;
        if (source is null || !File.Exists(source))
        {
            CameraProblem = $"shared test data documents/{SpecimenPassport} is absent (../shared/data beside the repository or EKYC_DATA_DIR)";
            return null;
        }
        var ffmpeg = FfmpegPaths.FirstOrDefault(File.Exists);
        if (ffmpeg is null)
        {
            CameraProblem = "ffmpeg is not installed (apt-get install ffmpeg); the camera tests make their clip with it";
            return null;
        }
        var clip = Path.Combine(Artifacts, "camera-specimen.y4m");
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "-y", "-loglevel", "error", "-loop", "1", "-i", source, "-t", "1", "-r", "5",
                     "-vf", "scale=1000:-2,pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=0x202020", "-pix_fmt", "yuv420p", clip })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(clip))
        {
            CameraProblem = $"ffmpeg could not make the camera clip: {await errors}";
            return null;
        }
        return clip;
    }

    private static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void SkipUnlessReady()
    {
        if (_app is null) Assert.Skip(_skip ?? "the application did not start");
    }

    /// <summary>Skips (or, under CI, fails) a test that needs the fake camera's clip.</summary>
    public void RequireCamera()
    {
        SkipUnlessReady();
        if (CameraProblem is null) return;
        if (IsCi) Assert.Fail(CameraProblem);
        Assert.Skip(CameraProblem);
    }

    /// <summary>A staff token from the service's local issuer (what <c>./ekyc token --role R</c> prints).</summary>
    public string StaffToken(string role, string subject) =>
        new TokenIssuer(new AuthOptions { SigningKey = _signingKey }, TimeProvider.System).Issue(subject, role, Tenant, TimeSpan.FromMinutes(30));

    /// <summary>An HTTP client acting as a member of staff.</summary>
    public HttpClient StaffClient(string role)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken(role, $"{role}-test"));
        return client;
    }

    /// <summary>A new page in its own context (own sessionStorage), phone-sized unless told otherwise; records CSP violations.</summary>
    public async Task<(IPage Page, List<string> Violations)> NewPageAsync(int width = 412, int height = 915)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["camera"],
        });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text);
        };
        return (page, violations);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(Artifacts, "screenshots");
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
