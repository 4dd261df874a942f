using System.Net;
using EKyc.Api.Security;
using EKyc.Integration.Tests.Support;
using EKyc.Verification.Workflow;

namespace EKyc.Integration.Tests.Http;

/// <summary>
/// The Orleans Dashboard is served by the API's pipeline behind the access table: no credential is 401, any role but
/// an administrator of all tenants is 403, and that administrator gets the page and the cluster data behind it.
/// </summary>
public sealed class DashboardAccessTests
{
    // The page, a script it loads, and two of the JSON endpoints its script polls.
    private static readonly string[] Paths = ["/dashboard/", "/dashboard/index.min.js", "/dashboard/ClusterStats", "/dashboard/DashboardCounters"];

    [Fact]
    public async Task Dashboard_is_401_without_credentials_403_for_other_roles_and_200_for_an_all_tenant_admin()
    {
        // Auth stays on although the environment is Development, where the Dashboard is enabled by default.
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        using var anonymous = app.CreateAnonymousClient();
        using var operatorClient = app.CreateClientAs(Roles.Admin, Actor.AllTenants);
        foreach (var path in Paths)
        {
            var refused = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("unauthenticated", (await refused.ReadObjectAsync())["code"]!.GetValue<string>());

            foreach (var (role, tenant) in new[]
                     {
                         (Roles.Client, "default"), (Roles.Analyst, Actor.AllTenants), (Roles.Reviewer, "default"),
                         (Roles.Auditor, Actor.AllTenants), (Roles.Admin, "default"),
                     })
            {
                using var http = app.CreateClientAs(role, tenant);
                var forbidden = await http.GetAsync(path);
                Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{role} of {tenant} on {path}: {(int)forbidden.StatusCode}");
                Assert.Equal("forbidden", (await forbidden.ReadObjectAsync())["code"]!.GetValue<string>());
            }
            // The client platform's API key (an administrator of one tenant here) is refused too.
            Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().GetAsync(path)).StatusCode);

            var served = await operatorClient.GetAsync(path);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"admin of all tenants on {path}: {(int)served.StatusCode}");
        }

        // The data is the live cluster's: the one embedded silo is listed as active (once the dashboard's collector
        // has run: it polls the cluster on a timer, so a busy machine may answer the first request with no hosts).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var counters = await (await operatorClient.GetAsync("/dashboard/DashboardCounters")).ReadObjectAsync();
        while (counters["totalActiveHostCount"]!.GetValue<int>() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            counters = await (await operatorClient.GetAsync("/dashboard/DashboardCounters")).ReadObjectAsync();
        }
        Assert.Equal(1, counters["totalActiveHostCount"]!.GetValue<int>());
        Assert.Equal("Active", counters["hosts"]![0]!["status"]!.GetValue<string>());
    }
}
