using EKyc.Api.Http;
using EKyc.GrainInterfaces.Accounts;
using EKyc.Monitoring.Flags;
using EKyc.ReadModels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EKyc.Api.Endpoints;

/// <summary>Accounts for risk analysts: the flagged list (read model), one account (grain), and flag actions.</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/accounts").WithTags("Accounts");

        group.MapGet("/flagged", async (string? status, string? flagStatus, string? reason, double? minScore,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, AccountFlagsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (Paging.Validate(page, pageSize, AccountFlagsQueries.MaxPageSize) is { } invalid) return invalid;
            if (flagStatus is not null && !Enum.TryParse<FlagStatus>(flagStatus, ignoreCase: false, out _))
                return Problems.Result(400, "invalid_flag_status", "flagStatus must be Open, Acknowledged, Escalated or Cleared.");
            var result = await queries.ListAsync(new FlaggedAccountQuery
            {
                Tenant = Actors.TenantFilter(http),
                Status = status, FlagStatus = flagStatus, ReasonCode = reason, MinScore = minScore,
                FlaggedFrom = from, FlaggedTo = to, Page = page ?? 1, PageSize = pageSize ?? 50,
            }, ct);
            return Results.Ok(result);
        }).WithName("ListFlaggedAccounts").WithSummary("Flagged accounts, filtered by status, reason, score and date, paged.");

        group.MapGet("/{accountId}", async (string accountId, IGrainFactory grains, HttpContext http) =>
        {
            if (AccountIds.Validate(accountId) is { } problem) return problem;
            return await grains.GetGrain<IAccountGrain>(AccountKeys.For(Actors.Tenant(http), accountId)).GetAsync() is { } view
                ? Results.Ok(view)
                : Problems.Result(404, "account_not_found", "No account has this id.");
        }).WithName("GetAccount").WithSummary("Features, flags and flag history of an account.");

        group.MapPost("/{accountId}/flags/{flagId}/actions", async (string accountId, string flagId, FlagActionRequest body, IGrainFactory grains, HttpContext http) =>
        {
            if (AccountIds.Validate(accountId) is { } problem) return problem;
            FlagStatus? status = body.Action switch
            {
                "acknowledge" => FlagStatus.Acknowledged,
                "escalate" => FlagStatus.Escalated,
                "clear" => FlagStatus.Cleared,
                _ => null,
            };
            if (status is null) return Problems.Result(400, "invalid_action", "action must be 'acknowledge', 'escalate' or 'clear'.");
            if (body.Note is { Length: > 2000 }) return Problems.Result(400, "note_too_long", "note is at most 2000 characters.");
            return Problems.Map(await grains.GetGrain<IAccountGrain>(AccountKeys.For(Actors.Tenant(http), accountId)).ActOnFlagAsync(flagId, status.Value, Actors.Analyst(http), body.Note), v => Results.Ok(v));
        }).WithName("ActOnFlag").WithSummary("Acknowledge, escalate or clear (with a note) a flag.");

        return group;
    }
}
