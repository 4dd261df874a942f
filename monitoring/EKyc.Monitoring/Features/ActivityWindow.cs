using System.Collections.Immutable;
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

    // Appended for the extended features: the account's own baseline. Ids 7+ only; never renumber the ones above.

    /// <summary>Transactions behind the amount baseline, capped at <see cref="BaselineMemory"/> (then exponentially weighted).</summary>
    [Id(7)] public int AmountHistoryCount { get; set; }
    [Id(8)] public double AmountLogMean { get; set; }
    [Id(9)] public double AmountLogVariance { get; set; }

    /// <summary>Successful events behind the hour-of-day baseline (mean of the hour on the unit circle), capped likewise.</summary>
    [Id(10)] public int HourHistoryCount { get; set; }
    [Id(11)] public double HourCos { get; set; }
    [Id(12)] public double HourSin { get; set; }

    /// <summary>Counterparties used, with when each was last used; at most <see cref="MaxKnownCounterparties"/>.</summary>
    [Id(13)] public Dictionary<string, DateTimeOffset> Counterparties { get; set; } = [];
    [Id(14)] public DateTimeOffset? LastNewDeviceAt { get; set; }
    [Id(15)] public DateTimeOffset? LastNewCountryAt { get; set; }
    [Id(16)] public DateTimeOffset? FirstActivityAt { get; set; }
    [Id(17)] public long TransactionsSeen { get; set; }

    /// <summary>When transactions to new counterparties happened, within the last 24 hours; at most <see cref="WindowOptions.MaxEntries"/>.</summary>
    [Id(18)] public List<DateTimeOffset> NewCounterpartyTimes { get; set; } = [];

    /// <summary>How many past observations the amount and hour baselines weigh at most.</summary>
    public const int BaselineMemory = 200;

    /// <summary>History needed before the amount z-score and the hour deviation are reported (0 until then).</summary>
    public const int MinimumBaseline = 5;

    public const int MaxKnownCounterparties = 200;

    private const double MinimumLogAmountDeviation = 0.25;
    private const double MaxAbsZScore = 10;

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
        var isTransaction = e.Type == ActivityType.Transaction;
        var failed = e.Type == ActivityType.Login && e.Success == false;
        var counterparty = isTransaction && e.Counterparty is { Length: > 0 } cp ? cp : null;
        var newCounterparty = counterparty is not null && Counterparties.Count > 0 && !Counterparties.ContainsKey(counterparty);
        var amountZ = isTransaction && e.Amount is { } amount ? AmountZScore((double)amount) : 0;
        var hourDeviation = failed ? 0 : HourDeviation(e.OccurredAt);
        var usualDaily = FirstActivityAt is { } first && e.OccurredAt - first >= TimeSpan.FromDays(1)
            ? TransactionsSeen / (e.OccurredAt - first).TotalDays
            : (double?)null;
        if (newDevice) LastNewDeviceAt = e.OccurredAt;
        if (newCountry) LastNewCountryAt = e.OccurredAt;

        Learn(e, options);
        if (isTransaction && e.Amount is { } learned) LearnAmount((double)learned);
        if (isTransaction) TransactionsSeen++;
        if (FirstActivityAt is null || e.OccurredAt < FirstActivityAt) FirstActivityAt = e.OccurredAt;
        if (!failed) LearnHour(e.OccurredAt);
        if (counterparty is not null) UseCounterparty(counterparty, e.OccurredAt);
        if (newCounterparty) NewCounterpartyTimes.Add(e.OccurredAt);
        Entries.Add(new WindowEntry(e.OccurredAt, e.Type, e.Amount ?? 0m, failed));
        Prune(e.OccurredAt, options);

        var hourAgo = e.OccurredAt.AddHours(-1);
        var dayAgo = e.OccurredAt.AddDays(-1);
        double txCount1h = 0, txCount24h = 0, txAmount24h = 0, failed1h = 0, events1h = 0, changes24h = 0;
        foreach (var entry in Entries)
        {
            if (entry.At > e.OccurredAt) continue;
            if (entry.At > hourAgo) events1h++;
            if (entry.Type == ActivityType.Transaction)
            {
                if (entry.At > hourAgo) txCount1h++;
                if (entry.At > dayAgo)
                {
                    txCount24h++;
                    txAmount24h += (double)entry.Amount;
                }
            }
            else if (entry.Failed && entry.At > hourAgo)
            {
                failed1h++;
            }
            else if (IsChange(entry.Type) && entry.At > dayAgo)
            {
                changes24h++;
            }
        }
        var counterparties24h = 0;
        foreach (var lastUsed in Counterparties.Values)
        {
            if (lastUsed > dayAgo && lastUsed <= e.OccurredAt) counterparties24h++;
        }
        var newCounterparties24h = NewCounterpartyTimes.Count(t => t > dayAgo && t <= e.OccurredAt);
        var newAccess24h = (Within(LastNewDeviceAt, dayAgo, e.OccurredAt) ? 1 : 0) + (Within(LastNewCountryAt, dayAgo, e.OccurredAt) ? 1 : 0);

        // Built straight into the sorted map the vector keeps (no intermediate dictionary): this runs for every event.
        var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        values.Add(FeatureNames.TransactionCount1h, txCount1h);
        values.Add(FeatureNames.TransactionAmount24h, txAmount24h);
        values.Add(FeatureNames.FailedLogins1h, failed1h);
        values.Add(FeatureNames.NewDevice, newDevice ? 1 : 0);
        values.Add(FeatureNames.NewIpCountry, newCountry ? 1 : 0);
        values.Add(FeatureNames.ChangeBeforeLargeTransaction, changeBeforeLarge ? 1 : 0);
        values.Add(FeatureNames.DormantDays, Math.Round(dormantDays, 2));
        values.Add(FeatureNames.AmountZScore, Math.Round(amountZ, 3));
        values.Add(FeatureNames.Counterparties24h, counterparties24h);
        values.Add(FeatureNames.NewCounterparty, newCounterparty ? 1 : 0);
        values.Add(FeatureNames.HourDeviation, Math.Round(hourDeviation, 3));
        values.Add(FeatureNames.Changes24h, changes24h);
        values.Add(FeatureNames.Events1h, events1h);
        values.Add(FeatureNames.NewAccess24h, newAccess24h);
        values.Add(FeatureNames.NewCounterparties24h, newCounterparties24h);
        values.Add(FeatureNames.TransactionsVsUsual, usualDaily is { } usual ? Math.Round((txCount24h + 1) / (usual + 1), 3) : 1);
        return new FeatureVector(e.OccurredAt, values.ToImmutable());
    }

    private static bool IsChange(ActivityType type) => type is ActivityType.ContactChange or ActivityType.AddressChange
        or ActivityType.BeneficiaryAdded or ActivityType.DeviceChange or ActivityType.PasswordReset;

    private static bool Within(DateTimeOffset? at, DateTimeOffset after, DateTimeOffset notAfter) => at is { } t && t > after && t <= notAfter;

    private double AmountZScore(double amount)
    {
        if (AmountHistoryCount < MinimumBaseline) return 0;
        var deviation = Math.Max(Math.Sqrt(AmountLogVariance), MinimumLogAmountDeviation);
        return Math.Clamp((Math.Log(1 + amount) - AmountLogMean) / deviation, -MaxAbsZScore, MaxAbsZScore);
    }

    // With weight 1/n this is Welford's running mean and population variance; once n reaches the cap it becomes an
    // exponentially weighted baseline, so an account's habits can drift without the state growing.
    private void LearnAmount(double amount)
    {
        AmountHistoryCount = Math.Min(AmountHistoryCount + 1, BaselineMemory);
        var weight = 1.0 / AmountHistoryCount;
        var delta = Math.Log(1 + amount) - AmountLogMean;
        AmountLogMean += weight * delta;
        AmountLogVariance = (1 - weight) * (AmountLogVariance + weight * delta * delta);
    }

    private static double HourAngle(DateTimeOffset at) => at.UtcDateTime.TimeOfDay.TotalHours / 24 * 2 * Math.PI;

    private double HourDeviation(DateTimeOffset at)
    {
        if (HourHistoryCount < MinimumBaseline) return 0;
        var regularity = Math.Sqrt(HourCos * HourCos + HourSin * HourSin);
        if (regularity < 1e-9) return 0;
        var difference = Math.Abs(HourAngle(at) - Math.Atan2(HourSin, HourCos)) % (2 * Math.PI);
        if (difference > Math.PI) difference = 2 * Math.PI - difference;
        return difference / Math.PI * 12 * regularity;
    }

    private void LearnHour(DateTimeOffset at)
    {
        HourHistoryCount = Math.Min(HourHistoryCount + 1, BaselineMemory);
        var weight = 1.0 / HourHistoryCount;
        var angle = HourAngle(at);
        HourCos += weight * (Math.Cos(angle) - HourCos);
        HourSin += weight * (Math.Sin(angle) - HourSin);
    }

    private void UseCounterparty(string counterparty, DateTimeOffset at)
    {
        if (Counterparties.TryGetValue(counterparty, out var previous) && previous >= at) return;
        Counterparties[counterparty] = at;
        if (Counterparties.Count <= MaxKnownCounterparties) return;
        var oldest = Counterparties.MinBy(x => x.Value).Key;
        Counterparties.Remove(oldest);
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
        var day = newest.AddDays(-1);
        NewCounterpartyTimes.RemoveAll(t => t <= day);
        if (NewCounterpartyTimes.Count > options.MaxEntries) NewCounterpartyTimes.RemoveRange(0, NewCounterpartyTimes.Count - options.MaxEntries);
        if (Entries.Count > options.MaxEntries) Entries.RemoveRange(0, Entries.Count - options.MaxEntries);
    }
}
