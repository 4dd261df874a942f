namespace EKyc.Monitoring.Activity;

/// <summary>Validates an event's envelope; returns a stable error code and message, or null when it is acceptable.</summary>
public static class ActivityValidation
{
    public const int MaxIdLength = 128;
    public const int MaxAttributes = 32;

    public static (string Code, string Message)? Validate(ActivityEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrWhiteSpace(e.EventId) || e.EventId.Length > MaxIdLength)
            return ("invalid_event_id", $"eventId is required and at most {MaxIdLength} characters");
        if (string.IsNullOrWhiteSpace(e.AccountId) || e.AccountId.Length > MaxIdLength)
            return ("invalid_account_id", $"accountId is required and at most {MaxIdLength} characters");
        if (e.OccurredAt > now.AddMinutes(5))
            return ("event_in_future", "occurredAt is more than five minutes in the future");
        if (!Enum.IsDefined(e.Type))
            return ("invalid_event_type", "type is not a known activity type");
        if (e.Type == ActivityType.Transaction && e.Amount is null)
            return ("amount_required", "a transaction needs an amount");
        if (e.Amount is < 0 or > 1_000_000_000_000m)
            return ("invalid_amount", "amount must be between 0 and 10^12");
        if (e.Type == ActivityType.Login && e.Success is null)
            return ("success_required", "a login needs success true or false");
        if (e.IpCountry is { Length: not 2 })
            return ("invalid_ip_country", "ipCountry must be an ISO 3166-1 alpha-2 code");
        if (e.Attributes.Count > MaxAttributes)
            return ("too_many_attributes", $"at most {MaxAttributes} attributes");
        return null;
    }
}
