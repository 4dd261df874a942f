using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

/// <summary>Small client-side helpers for the HTTP tests: the calls the client platform makes.</summary>
internal static class ApiScenario
{
    // Registration data used by the tests is labelled test data of a fictitious person, not a real one.
    public static object Registration(string surname = "Testperson") => new
    {
        givenNames = "Ada Maria",
        surname,
        email = "ada.testperson@example.org",
        phone = "+441632960123",
        riskTier = "High",
    };

    public static async Task<string> CreateApplicantAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/v1/applicants", Registration());
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadObjectAsync())["applicantId"].Text();
    }

    public static async Task ConsentAsync(HttpClient http, string applicantId)
    {
        var consent = await http.PostAsJsonAsync($"/v1/applicants/{applicantId}/consent", new { consentVersion = "2026-11" });
        Assert.Equal(System.Net.HttpStatusCode.OK, consent.StatusCode);
    }

    public static async Task LinkAsync(HttpClient http, string applicantId, string accountId)
    {
        var link = await http.PostAsJsonAsync($"/v1/applicants/{applicantId}/accounts", new { accountId });
        Assert.Equal(System.Net.HttpStatusCode.OK, link.StatusCode);
    }

    /// <summary>Five failed logins within minutes: breaks the default failed-login-burst rule.</summary>
    public static object FailedLoginBurst(string accountId, string prefix, DateTimeOffset start) => new
    {
        events = Enumerable.Range(0, 5).Select(i => new
        {
            eventId = $"{prefix}-{i}",
            accountId,
            occurredAt = start.AddMinutes(i),
            type = "Login",
            success = false,
            deviceId = "device-a",
            ipCountry = "GB",
        }).ToArray(),
    };

    public static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
