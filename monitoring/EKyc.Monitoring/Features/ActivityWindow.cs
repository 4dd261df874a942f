using EKyc.Monitoring.Activity;
using Orleans;

namespace EKyc.Monitoring.Features;

/// <summary>
/// Per-account rolling state: the recent events the features are computed from, the devices and countries seen, and
/// the ids already handled. Mutable on purpose: it is grain state, updated in place for each event and written at
/// checkpoints. Everything in it is bounded by <see cref="WindowOptions"/>.
/// </summary>
[GenerateSerializer, Alias("ekyc.ActivityWindow")]
public sealed class ActivityWindow
{
    [Id(0)] public List<WindowEntry> Entries { get; set; } = [];
    [Id(1)] public List<string> KnownDevices { get; set; } = [];
    [Id(2)] public List<string> KnownCountries { get; set; } = [];
    [Id(3)] public DateTimeOffset? LastChangeAt { get; set; }
    [Id(4)] public DateTimeOffset? LastActivityAt { get; set; }
    [Id(5)] public List<string> RecentEventIds { get; set; } = [];
    [Id(6)] public long EventsSeen { get; set; }

    // Rebuilt from RecentEventIds after loading; never persisted.
    [NonSerialized]
    private HashSet<string>? _idIndex;

    public bool HasSeen(string eventId) => (_idIndex ??= new HashSet<string>(RecentEventIds, StringComparer.Ordinal)).Contains(eventId);

    /// <summary>Adds an event and returns the features as of that event. The caller has checked <see cref="HasSeen"/>.</summary>
    public FeatureVector Observe(ActivityEvent e, WindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        Remember(e.EventId, options.DedupCapacity);
        EventsSeen++;

        var dormantDays = LastActivityAt is { } last && e.OccurredAt > last ? (e.OccurredAt - last).TotalDays : 0;
        var newDevice = e.DeviceId is { Length: > 0 } device && KnownDevices.Count > 0 && !KnownDevices.Contains(device);
        var newCountry = e.IpCountry is { Length: > 0 } country && KnownCountries.Count > 0 && !KnownCountries.Contains(country);
        var changeBeforeLarge = e.Type == ActivityType.Transaction && e.Amount >= options.LargeTransactionAmount
            && LastChangeAt is { } change && e.OccurredAt - change <= options.ChangeLookback && e.OccurredAt >= change;

        Learn(e, options);
        Entries.Add(new WindowEntry(e.OccurredAt, e.Type, e.Amount ?? 0m, e.Type == ActivityType.Login && e.Success == false));
        Prune(e.OccurredAt, options);

        var hourAgo = e.OccurredAt.AddHours(-1);
        var dayAgo = e.OccurredAt.AddDays(-1);
        double txCount1h = 0, txAmount24h = 0, failed1h = 0;
        foreach (var entry in Entries)
        {
            if (entry.At > e.OccurredAt) continue;
            if (entry.Type == ActivityType.Transaction)
            {
                if (entry.At > hourAgo) txCount1h++;
                if (entry.At > dayAgo) txAmount24h += (double)entry.Amount;
            }
            else if (entry.Failed && entry.At > hourAgo)
            {
                failed1h++;
            }
        }

        return new FeatureVector(e.OccurredAt, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [FeatureNames.TransactionCount1h] = txCount1h,
            [FeatureNames.TransactionAmount24h] = txAmount24h,
            [FeatureNames.FailedLogins1h] = failed1h,
            [FeatureNames.NewDevice] = newDevice ? 1 : 0,
            [FeatureNames.NewIpCountry] = newCountry ? 1 : 0,
            [FeatureNames.ChangeBeforeLargeTransaction] = changeBeforeLarge ? 1 : 0,
            [FeatureNames.DormantDays] = Math.Round(dormantDays, 2),
        });
    }

    private void Learn(ActivityEvent e, WindowOptions options)
    {
        if (e.Type is ActivityType.ContactChange or ActivityType.AddressChange or ActivityType.BeneficiaryAdded
            && (LastChangeAt is null || e.OccurredAt > LastChangeAt))
        {
            LastChangeAt = e.OccurredAt;
        }
        if (LastActivityAt is null || e.OccurredAt > LastActivityAt) LastActivityAt = e.OccurredAt;
        AddBounded(KnownDevices, e.DeviceId, options.MaxKnownDevices);
        AddBounded(KnownCountries, e.IpCountry, options.MaxKnownDevices);
    }

    private static void AddBounded(List<string> list, string? value, int cap)
    {
        if (string.IsNullOrEmpty(value) || list.Contains(value)) return;
        if (list.Count >= cap) list.RemoveAt(0);
        list.Add(value);
    }

    private void Remember(string eventId, int capacity)
    {
        _idIndex ??= new HashSet<string>(RecentEventIds, StringComparer.Ordinal);
        RecentEventIds.Add(eventId);
        _idIndex.Add(eventId);
        if (RecentEventIds.Count <= capacity) return;
        var excess = RecentEventIds.Count - capacity;
        foreach (var old in RecentEventIds.Take(excess)) _idIndex.Remove(old);
        RecentEventIds.RemoveRange(0, excess);
    }

    private void Prune(DateTimeOffset newest, WindowOptions options)
    {
        var horizon = newest - options.Retention;
        Entries.RemoveAll(x => x.At < horizon);
        if (Entries.Count > options.MaxEntries) Entries.RemoveRange(0, Entries.Count - options.MaxEntries);
    }
}
