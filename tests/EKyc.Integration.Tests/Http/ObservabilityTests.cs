using System.Net;
using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

/// <summary>What an operator scrapes and opens: Prometheus metrics and the Orleans Dashboard.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Metrics_include_orleans_http_and_service_meters_and_the_dashboard_is_served()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var http = app.CreateClient();
        await ApiScenario.CreateApplicantAsync(http);

        var metrics = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        // No personal data leaks into metric labels.
        Assert.DoesNotContain("Testperson", text, StringComparison.Ordinal);

        var dashboard = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}
