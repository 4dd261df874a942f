using System.Net;
using System.Net.Http.Json;
using EKyc.Api.Security;
using EKyc.Integration.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EKyc.Integration.Tests.Http;

/// <summary>
/// Every /v1 endpoint × every role × own and foreign tenant: allowed roles get past access control, the others get
/// 403 (401 without credentials), and another tenant's records answer 404 exactly like unknown ones.
/// </summary>
public sealed class AccessMatrixTests
{
    private static readonly string[] AllRoles = [Roles.Client, Roles.Analyst, Roles.Reviewer, Roles.Auditor, Roles.Admin, Roles.Applicant];

    private sealed record Route(string Name, string Method, string Pattern);

    private static List<Route> Routes(EmbeddedApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1", StringComparison.Ordinal) == true)
            .Select(e => new Route(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "",
                e.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } m ? m.HttpMethods[0] : "GET",
                e.RoutePattern.RawText!))];

    private static string Fill(string pattern, string applicantId) => System.Text.RegularExpressions.Regex.Replace(pattern, "{([a-zA-Z]+)(:[a-z]+)?}", m => m.Groups[1].Value switch
    {
        "id" => applicantId,
        "accountId" => "acct-matrix",
        "subjectType" => "applicant",
        "subjectId" => applicantId,
        _ => Guid.NewGuid().ToString(),
    });

    private static Task<HttpResponseMessage> Send(HttpClient http, Route route, string path) => route.Method switch
    {
        "GET" => http.GetAsync(path),
        "DELETE" => http.DeleteAsync(path),
        "PUT" => http.PutAsJsonAsync(path, new { }),
        _ => http.PostAsJsonAsync(path, new { }),
    };

    [Fact]
    public async Task Every_endpoint_has_an_access_rule_and_every_role_gets_exactly_what_the_rule_says()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var admin = app.CreateClient();
        var applicantId = await ApiScenario.CreateApplicantAsync(admin);
        var routes = Routes(app);
        Assert.True(routes.Count >= 30, $"only {routes.Count} /v1 endpoints found");
        Assert.Empty(routes.Where(r => !EndpointAccess.Rules.ContainsKey(r.Name)).Select(r => $"{r.Method} {r.Pattern} ({r.Name})"));

        var failures = new List<string>();
        var anonymous = app.CreateAnonymousClient();
        foreach (var route in routes)
        {
            var path = Fill(route.Pattern, applicantId);
            var rule = EndpointAccess.Rules[route.Name];
            var status = (await Send(anonymous, route, path)).StatusCode;
            if (status != HttpStatusCode.Unauthorized) failures.Add($"anonymous {route.Method} {route.Pattern}: {(int)status}");
            foreach (var role in AllRoles)
            {
                using var http = app.CreateClientAs(role, "default", role == Roles.Applicant ? applicantId : null);
                status = (await Send(http, route, path)).StatusCode;
                var allowed = rule.Roles.Contains(role) && (role != Roles.Applicant || rule.ApplicantBound && route.Pattern.Contains("{id", StringComparison.Ordinal));
                var denied = status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
                if (allowed == denied) failures.Add($"{role} {route.Method} {route.Pattern}: {(int)status}, expected {(allowed ? "access" : "403")}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_tenant_never_reaches_another_tenants_applicants_or_accounts()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        using var tenantA = app.CreateClientAs(Roles.Client, "tenant-a");
        using var tenantB = app.CreateClientAs(Roles.Client, "tenant-b");
        using var reviewerB = app.CreateClientAs(Roles.Reviewer, "tenant-b");
        var id = await ApiScenario.CreateApplicantAsync(tenantA);
        await ApiScenario.ConsentAsync(tenantA, id);
        await ApiScenario.LinkAsync(tenantA, id, "acct-shared-name");

        Assert.Equal(HttpStatusCode.OK, (await tenantA.GetAsync($"/v1/applicants/{id}")).StatusCode);
        foreach (var (client, path) in new[] { (tenantB, $"/v1/applicants/{id}"), (reviewerB, $"/v1/applicants/{id}/evidence"), (reviewerB, $"/v1/audit/applicant/{id}") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await tenantB.PostAsJsonAsync($"/v1/applicants/{id}/withdrawal", new { reason = "not mine" })).StatusCode);
        Assert.Equal("AwaitingDocuments", (await ApiScenario.GetAsync(tenantA, $"/v1/applicants/{id}"))["stage"].Text());

        // The same account id in two tenants is two accounts: B's activity never reaches A's account.
        var burst = ApiScenario.FailedLoginBurst("acct-shared-name", "evt-tenant", DateTimeOffset.UtcNow.AddMinutes(-5));
        var ingestB = await tenantB.PostAsJsonAsync("/v1/activity", burst);
        Assert.Equal(HttpStatusCode.NotFound, ingestB.StatusCode); // not linked in tenant B
        Assert.Equal(0, (await ApiScenario.GetAsync(tenantA, "/v1/accounts/acct-shared-name"))["eventsSeen"]!.GetValue<int>());
        var flaggedB = await ApiScenario.GetAsync(tenantB, "/v1/accounts/flagged");
        Assert.Equal(0, flaggedB["total"]!.GetValue<int>());
        var listB = await ApiScenario.GetAsync(tenantB, "/v1/applicants");
        Assert.Equal(0, listB["total"]!.GetValue<int>());
        Assert.Equal(1, (await ApiScenario.GetAsync(tenantA, "/v1/applicants"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Credentials_are_checked_and_capture_links_are_bound_to_one_applicant()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var admin = app.CreateClient();
        var first = await ApiScenario.CreateApplicantAsync(admin);
        var second = await ApiScenario.CreateApplicantAsync(admin);

        var noKey = await app.CreateAnonymousClient().GetAsync($"/v1/applicants/{first}");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("unauthenticated", (await noKey.ProblemAsync()).Code);
        var wrongKey = app.CreateAnonymousClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "ekyc_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync($"/v1/applicants/{first}")).StatusCode);
        var forged = app.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/v1/applicants/{first}")).StatusCode);

        var link = await (await admin.PostAsync($"/v1/applicants/{first}/capture-link", null)).ReadObjectAsync();
        var applicant = app.CreateAnonymousClient();
        applicant.DefaultRequestHeaders.Authorization = new("Bearer", link["token"].Text());
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/v1/applicants/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/v1/applicants/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/v1/applicants")).StatusCode);
    }
}
