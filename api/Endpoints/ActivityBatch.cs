using System.Collections.Immutable;
using EKyc.Monitoring.Activity;

namespace EKyc.Api.Endpoints;

/// <summary>
/// Turns a posted batch into validated events, all or nothing: one bad event rejects the batch with its index, so a
/// client never has to work out which half of a batch was stored.
/// </summary>
internal static class ActivityBatch
{
    public static (ImmutableArray<ActivityEvent> Events, Dictionary<string, string> Errors) Parse(IReadOnlyList<ActivityEventDto> items, DateTimeOffset now)
    {
        var events = ImmutableArray.CreateBuilder<ActivityEvent>(items.Count);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenInBatch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var dto = items[i];
            if (dto is null || dto.OccurredAt is null || dto.Type is null)
            {
                errors[$"events[{i}]"] = "eventId, accountId, occurredAt and type are required";
                continue;
            }
            var e = new ActivityEvent
            {
                EventId = dto.EventId ?? "",
                AccountId = dto.AccountId ?? "",
                OccurredAt = dto.OccurredAt.Value,
                Type = dto.Type.Value,
                Amount = dto.Amount,
                Currency = dto.Currency,
                Success = dto.Success,
                DeviceId = dto.DeviceId,
                IpCountry = dto.IpCountry,
                Counterparty = dto.Counterparty,
                Attributes = dto.Attributes?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty,
            };
            if (ActivityValidation.Validate(e, now) is { } problem) errors[$"events[{i}]"] = $"{problem.Code}: {problem.Message}";
            else if (!AccountIds.IsValid(e.AccountId)) errors[$"events[{i}]"] = "invalid_account_id: accountId has characters outside [A-Za-z0-9_.:-]";
            else if (!seenInBatch.Add(e.EventId)) continue; // the same event twice in one batch counts once
            else events.Add(e);
            if (errors.Count >= 50) break; // enough to fix the client; do not build a huge response
        }
        return (events.ToImmutable(), errors);
    }
}
