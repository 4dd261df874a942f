using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EKyc.Integration.Tests.Support;

internal static class Json
{
    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        var node = await response.Content.ReadFromJsonAsync<JsonNode>();
        return node as JsonObject ?? throw new InvalidOperationException($"expected a JSON object, got: {node}");
    }

    public static async Task<(int Status, string? Code, JsonObject Body)> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadObjectAsync();
        return ((int)response.StatusCode, body["code"]?.GetValue<string>(), body);
    }

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing value");

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
