using EKyc.Api.Http;
using EKyc.GrainInterfaces.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Endpoints;

/// <summary>Batch ingest of account activity: validated as a whole, then handed to each account's grain.</summary>
public static class ActivityEndpoints
{
    public sealed record StreamedResponse(int Received, int Accounts);

    public sealed record IngestResponse(int Received, int Accepted, int Duplicates, IReadOnlyList<string> NewFlagIds, IReadOnlyDictionary<string, string> RejectedAccounts);

    public static RouteGroupBuilder MapActivity(this RouteGroupBuilder v1)
    {
        v1.MapPost("/activity", async (ActivityBatchRequest body, IGrainFactory grains, IOptions<ApiOptions> options, TimeProvider clock, HttpContext http) =>
        {
            if (body.Events is not { Count: > 0 } items) return Problems.Result(400, "empty_batch", "events must hold at least one event.");
            if (items.Count > options.Value.MaxBatchEvents)
                return Problems.Result(413, ErrorCodes.BatchTooLarge, $"A batch may hold at most {options.Value.MaxBatchEvents} events; split it.");

            var (events, errors) = ActivityBatch.Parse(items, clock.GetUtcNow());
            if (errors.Count > 0) return Problems.Result(400, "invalid_events", "Some events are not valid; nothing was stored.", errors);

            var perAccount = events.GroupBy(e => e.AccountId, StringComparer.Ordinal).ToList();
            var results = await Task.WhenAll(perAccount.Select(g => grains.GetGrain<IAccountGrain>(AccountKeys.For(Actors.Tenant(http), g.Key)).IngestAsync([.. g])));
            var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
            int accepted = 0, duplicates = 0;
            var flags = new List<string>();
            for (var i = 0; i < results.Length; i++)
            {
                if (!results[i].IsOk) { rejected[perAccount[i].Key] = results[i].Error!.Code; continue; }
                accepted += results[i].Value!.Accepted;
                duplicates += results[i].Value!.Duplicates;
                flags.AddRange(results[i].Value!.NewFlagIds);
            }
            if (rejected.Count == perAccount.Count)
                return Problems.Result(404, "unknown_accounts", "None of the batch's accounts is linked to an applicant; nothing was stored.", rejected);
            return Results.Ok(new IngestResponse(items.Count, accepted, duplicates, flags, rejected));
        }).WithTags("Activity").WithName("IngestActivity")
          .WithSummary("Ingest a batch of account-activity events (at-least-once; duplicates by eventId are counted, not applied).");

        v1.MapPost("/activity/stream", async (ActivityBatchRequest body, IClusterClient cluster, IOptions<ApiOptions> options, TimeProvider clock, HttpContext http) =>
        {
            if (body.Events is not { Count: > 0 } items) return Problems.Result(400, "empty_batch", "events must hold at least one event.");
            if (items.Count > options.Value.MaxBatchEvents)
                return Problems.Result(413, ErrorCodes.BatchTooLarge, $"A batch may hold at most {options.Value.MaxBatchEvents} events; split it.");
            var (events, errors) = ActivityBatch.Parse(items, clock.GetUtcNow());
            if (errors.Count > 0) return Problems.Result(400, "invalid_events", "Some events are not valid; nothing was published.", errors);

            int accounts;
            try
            {
                accounts = await ActivityPublisher.PublishAsync(cluster, Actors.Tenant(http), events);
            }
            catch (InvalidOperationException)
            {
                // The stream queues are full: tell the producer to back off. Events already queued stay queued and
                // are applied once; a retry of the whole batch is safe (duplicates by eventId are not applied twice).
                http.Response.Headers.RetryAfter = "1";
                return Problems.Result(503, "stream_backpressure", "The activity streams are busy; retry the batch after a second.");
            }
            return Results.Accepted(value: new StreamedResponse(items.Count, accounts));
        }).WithTags("Activity").WithName("StreamActivity")
          .WithSummary("Publish a batch of account-activity events to the accounts' activity streams (202: accepted for asynchronous processing; flags arrive by webhook and in the analyst queue).");
        return v1;
    }
}
