using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    /// <summary>Recent events in time order (bounded by <see cref="WindowOptions"/>); checkpointed packed, see <see cref="PackedEntries"/>.</summary>
    public List<WindowEntry> Entries => _entries;

    [NonSerialized]
    private List<WindowEntry> _entries = [];

    /// <summary>State written before entries were packed: read into <see cref="Entries"/>, written empty.</summary>
    [Id(0)]
    public List<WindowEntry> LegacyEntries
    {
        get => [];
        set
        {
            if (value is { Count: > 0 }) _entries = value;
        }
    }
    [Id(1)] public List<string> KnownDevices { get; set; } = [];
    [Id(2)] public List<string> KnownCountries { get; set; } = [];
    [Id(3)] public DateTimeOffset? LastChangeAt { get; set; }
    [Id(4)] public DateTimeOffset? LastActivityAt { get; set; }
    /// <summary>Event ids as stored before the hashed ring (<see cref="SeenHashes"/>); read once and converted.</summary>
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

    /// <summary>
    /// Recently handled event ids as 64-bit hashes in a ring (oldest overwritten first): 8 bytes per id instead of
    /// the id itself, so a checkpoint stays small. A false "seen" needs two ids of one account colliding in 64 bits.
    /// </summary>
    [Id(19)]
    public byte[] SeenHashes
    {
        get => MemoryMarshal.AsBytes(_seen.AsSpan(0, Math.Min(SeenCount, _seen.Length))).ToArray();
        set
        {
            _seen = MemoryMarshal.Cast<byte, ulong>(value).ToArray();
            _seenIndex = null;
        }
    }

    [Id(20)] public int SeenCount { get; set; }
    [Id(21)] public int SeenNext { get; set; }

    [Id(22)]
    public byte[] PackedEntries
    {
        get => WindowEntryCodec.Pack(Entries);
        set
        {
            if (value is { Length: > 0 }) _entries = WindowEntryCodec.Unpack(value);
            _totals = null;
        }
    }

    /// <summary>
    /// IP country of the newest event that carried one, and when it happened: all the impossible-travel feature keeps,
    /// instead of a history of countries.
    /// </summary>
    [Id(23)] public string? LastCountry { get; set; }
    [Id(24)] public DateTimeOffset? LastCountryAt { get; set; }

    /// <summary>How many past observations the amount and hour baselines weigh at most.</summary>
    public const int BaselineMemory = 200;

    /// <summary>History needed before the amount z-score and the hour deviation are reported (0 until then).</summary>
    public const int MinimumBaseline = 5;

    public const int MaxKnownCounterparties = 200;

    private const double MinimumLogAmountDeviation = 0.25;
    private const double MaxAbsZScore = 10;

    // The ring itself (persisted as bytes through SeenHashes).
    [NonSerialized]
    private ulong[] _seen = [];

    // Rebuilt from the persisted ring after loading; never persisted.
    [NonSerialized]
    private HashSet<ulong>? _seenIndex;

    // Running totals over Entries (kept in time order), so the 1 h and 24 h features are two binary searches and a
    // subtraction instead of a scan of up to MaxEntries entries per event. Rebuilt after loading and after pruning.
    [NonSerialized]
    private WindowTotals? _totals;

    public bool HasSeen(string eventId) => SeenIndex().Contains(EventIdHash.Of(eventId));

    /// <summary>Adds an event and returns the features as of that event. The caller has checked <see cref="HasSeen"/>.</summary>
    public FeatureVector Observe(ActivityEvent e, WindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        Remember(EventIdHash.Of(e.EventId), options.DedupCapacity);
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
        var countryHop = CountryHop(e, options.ImpossibleTravelWindow);
        var usualDaily = FirstActivityAt is { } first && e.OccurredAt - first >= TimeSpan.FromDays(1)
            ? TransactionsSeen / (e.OccurredAt - first).TotalDays
            : (double?)null;
        if (newDevice) LastNewDeviceAt = e.OccurredAt;
        if (newCountry) LastNewCountryAt = e.OccurredAt;

        Learn(e, options);
        LearnCountry(e);
        if (isTransaction && e.Amount is { } learned) LearnAmount((double)learned);
        if (isTransaction) TransactionsSeen++;
        if (FirstActivityAt is null || e.OccurredAt < FirstActivityAt) FirstActivityAt = e.OccurredAt;
        if (!failed) LearnHour(e.OccurredAt);
        if (counterparty is not null) UseCounterparty(counterparty, e.OccurredAt);
        if (newCounterparty) NewCounterpartyTimes.Add(e.OccurredAt);
        var band = options.NearThresholdBand();
        Totals(band).Add(Entries, new WindowEntry(e.OccurredAt, e.Type, e.Amount ?? 0m, failed));
        Prune(options);
        // Fetched after pruning: a pruned chunk shifts every index, and totals taken before it would read the wrong prefixes.
        var totals = Totals(band);

        var hourAgo = e.OccurredAt.AddHours(-1);
        var dayAgo = e.OccurredAt.AddDays(-1);
        // Only the newest MaxEntries entries count, whatever pruning has not removed yet.
        var floor = Math.Max(0, Entries.Count - options.MaxEntries);
        var lastHour = totals.Range(Entries, hourAgo, e.OccurredAt, floor);
        var lastDay = totals.Range(Entries, dayAgo, e.OccurredAt, floor);
        double txCount1h = lastHour.Transactions, txCount24h = lastDay.Transactions, txAmount24h = (double)lastDay.Amount;
        double failed1h = lastHour.FailedLogins, events1h = lastHour.Events, changes24h = lastDay.Changes;
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
        values.Add(FeatureNames.ImpossibleTravel, countryHop ? 1 : 0);
        values.Add(FeatureNames.NearThresholdTransactions24h, lastDay.NearThreshold);
        return new FeatureVector(e.OccurredAt, values.ToImmutable());
    }

    internal static bool IsChange(ActivityType type) => type is ActivityType.ContactChange or ActivityType.AddressChange
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

    // Compared with the newest country whichever side of it this event falls (a late event is still two places within
    // the window). Failed logins count too: someone abroad held the account's login within the hour either way.
    private bool CountryHop(ActivityEvent e, TimeSpan window) =>
        e.IpCountry is { Length: > 0 } here && LastCountry is { } there && LastCountryAt is { } seen
        && !string.Equals(here, there, StringComparison.OrdinalIgnoreCase)
        && (e.OccurredAt - seen).Duration() < window;

    private void LearnCountry(ActivityEvent e)
    {
        if (e.IpCountry is not { Length: > 0 } country || (LastCountryAt is { } seen && e.OccurredAt < seen)) return;
        LastCountry = country;
        LastCountryAt = e.OccurredAt;
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

    private HashSet<ulong> SeenIndex()
    {
        if (_seenIndex is not null) return _seenIndex;
        _seenIndex = new HashSet<ulong>(SeenCount);
        for (var i = 0; i < SeenCount && i < _seen.Length; i++) _seenIndex.Add(_seen[i]);
        if (RecentEventIds.Count > 0)
        {
            // State written before the ring existed: carry its ids over, oldest first, then drop the list.
            var legacy = RecentEventIds;
            RecentEventIds = [];
            foreach (var id in legacy) Remember(EventIdHash.Of(id), Math.Max(legacy.Count, _seen.Length));
        }
        return _seenIndex;
    }

    private void Remember(ulong hash, int capacity)
    {
        SeenIndex();
        if (_seen.Length != capacity) Resize(capacity);
        var index = _seenIndex!;
        if (SeenCount < capacity)
        {
            _seen[SeenCount++] = hash;
        }
        else
        {
            index.Remove(_seen[SeenNext]);
            _seen[SeenNext] = hash;
            SeenNext = (SeenNext + 1) % capacity;
        }
        index.Add(hash);
    }

    // The configured capacity changed (or the ring is new): keep the newest ids, oldest first.
    private void Resize(int capacity)
    {
        var ordered = new List<ulong>(SeenCount);
        for (var i = 0; i < SeenCount; i++) ordered.Add(_seen[(SeenNext + i) % Math.Max(1, _seen.Length)]);
        var keep = ordered.Skip(Math.Max(0, ordered.Count - capacity)).ToArray();
        _seen = new ulong[capacity];
        keep.CopyTo(_seen, 0);
        SeenCount = keep.Length;
        SeenNext = 0;
        _seenIndex = [.. keep];
    }

    // Rebuilt only when the configured band differs from the one the totals were built with (a configuration change).
    private WindowTotals Totals(AmountBand band) =>
        _totals is { } totals && totals.Band == band ? totals : _totals = WindowTotals.Build(Entries, band);

    // Expired entries are already outside every feature's range, so they are removed in chunks rather than one list
    // shift per event; removal shifts the list and rebuilds the totals, so it must not happen often.
    private void Prune(WindowOptions options)
    {
        if (LastActivityAt is not { } newest) return;
        var expired = WindowTotals.CountBefore(Entries, newest - options.Retention);
        var excess = Entries.Count - options.MaxEntries;
        var remove = Math.Max(expired, excess);
        if (remove >= PruneChunk || (remove > 0 && remove >= Entries.Count / 2))
        {
            Entries.RemoveRange(0, remove);
            _totals = null;
        }
        var day = newest.AddDays(-1);
        NewCounterpartyTimes.RemoveAll(t => t <= day);
        if (NewCounterpartyTimes.Count > options.MaxEntries) NewCounterpartyTimes.RemoveRange(0, NewCounterpartyTimes.Count - options.MaxEntries);
    }

    private const int PruneChunk = 256;
}
