using System.Security.Cryptography;
using System.Text;
using EKyc.Api.Http;
using EKyc.ReadModels.Webhooks;
using EKyc.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EKyc.Api.Endpoints;

public sealed record RegisterWebhookRequest(string? Url, List<string>? Events);

/// <summary>Client endpoints for signed event deliveries, and the delivery log.</summary>
public static class WebhookEndpoints
{
    public sealed record Registered(string EndpointId, string Url, IReadOnlyList<string> Events, string Secret, string SignatureHeader);

    public sealed record EndpointView(string EndpointId, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt);

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhooks").WithTags("Webhooks");

        group.MapPost("/", async (RegisterWebhookRequest body, WebhookStore store, EnvelopeCipher cipher, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0 || body.Url!.Length > 2000)
                return Problems.Result(400, "invalid_webhook_url", "url must be an absolute https (or http) URL without credentials.");
            var events = body.Events is { Count: > 0 } e ? e.Distinct(StringComparer.Ordinal).ToList() : [.. WebhookEventTypes.All];
            if (events.Except(WebhookEventTypes.All).FirstOrDefault() is { } unknown)
                return Problems.Result(400, "unknown_event_type", $"'{unknown}' is not an event type; known: {string.Join(", ", WebhookEventTypes.All)}.");

            // The secret is shown once; the service keeps it sealed under the key-encryption key.
            var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var endpoint = new WebhookEndpoint($"wh_{Guid.CreateVersion7():N}", Actors.Client(http).Id, url.ToString(),
                Convert.ToBase64String(cipher.Seal(Encoding.UTF8.GetBytes(secret))), events, true, clock.GetUtcNow());
            await store.AddEndpointAsync(endpoint, ct);
            return TypedResults.Created($"/v1/webhooks/{endpoint.EndpointId}",
                new Registered(endpoint.EndpointId, endpoint.Url, events, secret, WebhookSignature.Header));
        }).WithName("RegisterWebhook").WithSummary("Register an endpoint; the response carries its signing secret, shown once.");

        group.MapGet("/", async (WebhookStore store, HttpContext http, CancellationToken ct) =>
            Results.Ok((await store.EndpointsAsync(Actors.Client(http).Id, ct))
                .Select(e => new EndpointView(e.EndpointId, e.Url, e.EventTypes, e.Active, e.CreatedAt))))
            .WithName("ListWebhooks").WithSummary("The caller's endpoints (without secrets).");

        group.MapDelete("/{endpointId}", async (string endpointId, WebhookStore store, HttpContext http, CancellationToken ct) =>
            await store.DeactivateEndpointAsync(Actors.Client(http).Id, endpointId, ct)
                ? Results.NoContent()
                : Problems.Result(404, "webhook_not_found", "No active endpoint of yours has this id."))
            .WithName("DeleteWebhook").WithSummary("Stop deliveries to an endpoint.");

        group.MapGet("/deliveries", async (string? status, int? limit, WebhookStore store, CancellationToken ct) =>
        {
            if (status is not (null or "pending" or "delivered" or "failed"))
                return Problems.Result(400, "invalid_status", "status is pending, delivered or failed.");
            if (limit is < 1 or > 500) return Problems.Result(400, "invalid_limit", "limit is between 1 and 500.");
            return Results.Ok(await store.DeliveriesAsync(status, limit ?? 100, ct));
        }).WithName("WebhookDeliveries").WithSummary("The delivery log: every event and endpoint, attempts, last status, errors.");
        return v1;
    }
}
