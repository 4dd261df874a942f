using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

public sealed class AbuseLimitTests
{
    [Fact]
    public async Task A_client_over_its_budget_gets_429_with_retry_after_and_security_headers_are_set()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), new Dictionary<string, string?>
        {
            ["Api:RateLimit:RequestsPerSecond"] = "1",
            ["Api:RateLimit:Burst"] = "3",
        });
        var http = app.CreateClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++) responses.Add(await http.GetAsync("/v1/applicants/00000000-0000-0000-0000-000000000001"));

        Assert.Contains(responses, r => (int)r.StatusCode == 404);
        var limited = responses.Where(r => (int)r.StatusCode == 429).ToList();
        Assert.NotEmpty(limited);
        var (status, code, _) = await limited[0].ProblemAsync();
        Assert.Equal((429, "rate_limited"), (status, code));
        Assert.True(limited[0].Headers.RetryAfter is not null);

        var first = responses[0];
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        // Health probes are never rate limited.
        for (var i = 0; i < 5; i++) Assert.True((await http.GetAsync("/health/live")).IsSuccessStatusCode);
    }
}
