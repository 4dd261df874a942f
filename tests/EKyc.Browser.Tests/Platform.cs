using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EKyc.TestSupport;

namespace EKyc.Browser.Tests;

/// <summary>
/// What the client platform does through the API with its key: register applicants (obviously fictitious test
/// values), record consent, issue capture links, upload documents, send account activity.
/// </summary>
internal static class Platform
{
    public const string ConsentVersion = "2026-11";

    /// <summary>The name printed on the Czech specimen passport (100_pass-cze2.jpg): SPECIMEN, VZOR ("specimen" in Czech).</summary>
    public static readonly (string Given, string Surname) SpecimenName = ("Vzor", "Specimen");

    public static async Task<string> RegisterAsync(HttpClient http, string givenNames = "Ada Maria", string surname = "Testperson")
    {
        var response = await http.PostAsJsonAsync("/v1/applicants", new
        {
            givenNames, surname, email = "ada.testperson@example.org", phone = "+441632960123",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["applicantId"]!.GetValue<string>();
    }

    public static async Task ConsentAsync(HttpClient http, string id)
    {
        var response = await http.PostAsJsonAsync($"/v1/applicants/{id}/consent", new { consentVersion = ConsentVersion, channel = "api" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The capture link's path (<c>/app/applicant/#applicant=…&amp;token=…</c>).</summary>
    public static async Task<string> CaptureLinkAsync(HttpClient http, string id)
    {
        var response = await http.PostAsync($"/v1/applicants/{id}/capture-link", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonObject>(path))!;

    public static async Task<JsonObject> UploadDocumentAsync(HttpClient http, string id, string file, string type = "passport")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(type), "documentType");
        var image = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        image.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
        form.Add(image, "front", Path.GetFileName(file));
        var response = await http.PostAsync($"/v1/applicants/{id}/documents", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string Specimen(string relative) => Path.Combine(SharedData.Require("documents"), relative);

    public static string[] Codes(JsonObject view) => [.. view["reasonCodes"]!.AsArray().Select(c => c!.GetValue<string>())];

    /// <summary>Polls until the condition holds or the deadline passes (background work: training, projections).</summary>
    public static async Task<JsonObject> WaitForAsync(HttpClient http, string path, Func<JsonObject, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await GetAsync(http, path);
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{path} did not reach the expected state within {timeout}: {value.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
