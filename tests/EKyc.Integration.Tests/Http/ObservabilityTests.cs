using System.Net;
using System.Net.Http.Json;
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
        var applicant = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, applicant);
        await ApiScenario.LinkAsync(http, applicant, "acct-metrics");
        await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst("acct-metrics", "evt-metrics", DateTimeOffset.UtcNow.AddMinutes(-5)));

        var metrics = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        // The service's own meter: events applied and the flag the burst raised, labelled by reason code.
        Assert.Contains("ekyc_activity_events_applied", text, StringComparison.Ordinal);
        Assert.Contains("ekyc_flags_raised", text, StringComparison.Ordinal);
        Assert.Contains("failed_login_burst", text, StringComparison.Ordinal);
        // No personal data leaks into metric labels.
        Assert.DoesNotContain("Testperson", text, StringComparison.Ordinal);

        using var operatorClient = app.CreateClientAs(EKyc.Api.Security.Roles.Admin, EKyc.Verification.Workflow.Actor.AllTenants);
        var dashboard = await operatorClient.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}
