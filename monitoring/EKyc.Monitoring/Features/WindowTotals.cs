using EKyc.Monitoring.Activity;

namespace EKyc.Monitoring.Features;

/// <summary>
/// Prefix sums over an account's window entries (in time order): the count, transaction, failed-login, change,
/// amount and near-threshold totals of any time range are a subtraction of two prefixes found by binary search. Not
/// persisted: rebuilt from the entries after a load, after pruning and when the near-threshold band is reconfigured,
/// extended in place for the usual in-order event.
/// </summary>
internal sealed class WindowTotals
{
    // Index i holds the totals of entries [0, i).
    private int[] _transactions;
    private int[] _failed;
    private int[] _changes;
    private decimal[] _amount;
    private int[] _nearThreshold;
    private int _count;

    private WindowTotals(int capacity, AmountBand band)
    {
        Band = band;
        _nearThreshold = new int[capacity + 1];
        _transactions = new int[capacity + 1];
        _failed = new int[capacity + 1];
        _changes = new int[capacity + 1];
        _amount = new decimal[capacity + 1];
    }

    /// <summary>The amounts counted as near the reporting threshold; fixed for the life of these totals.</summary>
    public AmountBand Band { get; }

    public static WindowTotals Build(List<WindowEntry> entries, AmountBand band)
    {
        if (!InOrder(entries))
        {
            // State written when entries were kept in arrival order: order them once (stable, so ties keep arrival order).
            var ordered = entries.OrderBy(x => x.At).ToList();
            entries.Clear();
            entries.AddRange(ordered);
        }
        var totals = new WindowTotals(Math.Max(64, entries.Count * 2), band);
        foreach (var entry in entries) totals.Extend(entry);
        return totals;
    }

    /// <summary>Inserts the entry in time order (appends in the usual case) and updates the totals.</summary>
    public void Add(List<WindowEntry> entries, WindowEntry entry)
    {
        if (entries.Count == 0 || entry.At >= entries[^1].At)
        {
            entries.Add(entry);
            Extend(entry);
            return;
        }
        // A late event: only the prefixes after its place change.
        var at = UpperBound(entries, entry.At);
        entries.Insert(at, entry);
        _count = at;
        for (var i = at; i < entries.Count; i++) Extend(entries[i]);
    }

    /// <summary>Totals of the entries with <paramref name="after"/> &lt; At ≤ <paramref name="notAfter"/>, from index <paramref name="floor"/> on.</summary>
    public RangeTotals Range(List<WindowEntry> entries, DateTimeOffset after, DateTimeOffset notAfter, int floor)
    {
        var lo = Math.Max(floor, UpperBound(entries, after));
        var hi = Math.Max(lo, UpperBound(entries, notAfter));
        return new RangeTotals(
            hi - lo,
            _transactions[hi] - _transactions[lo],
            _failed[hi] - _failed[lo],
            _changes[hi] - _changes[lo],
            _amount[hi] - _amount[lo],
            _nearThreshold[hi] - _nearThreshold[lo]);
    }

    /// <summary>How many entries are older than <paramref name="at"/>.</summary>
    public static int CountBefore(List<WindowEntry> entries, DateTimeOffset at)
    {
        int lo = 0, hi = entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entries[mid].At < at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int UpperBound(List<WindowEntry> entries, DateTimeOffset at)
    {
        int lo = 0, hi = entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entries[mid].At <= at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool InOrder(List<WindowEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++) if (entries[i].At < entries[i - 1].At) return false;
        return true;
    }

    private void Extend(WindowEntry entry)
    {
        if (_count + 1 >= _transactions.Length) Grow();
        var isTransaction = entry.Type == ActivityType.Transaction;
        _transactions[_count + 1] = _transactions[_count] + (isTransaction ? 1 : 0);
        _failed[_count + 1] = _failed[_count] + (entry.Failed && !isTransaction ? 1 : 0);
        _changes[_count + 1] = _changes[_count] + (ActivityWindow.IsChange(entry.Type) ? 1 : 0);
        _amount[_count + 1] = _amount[_count] + (isTransaction ? entry.Amount : 0m);
        _nearThreshold[_count + 1] = _nearThreshold[_count] + (isTransaction && Band.Contains(entry.Amount) ? 1 : 0);
        _count++;
    }

    private void Grow()
    {
        var size = _transactions.Length * 2;
        Array.Resize(ref _transactions, size);
        Array.Resize(ref _failed, size);
        Array.Resize(ref _changes, size);
        Array.Resize(ref _amount, size);
        Array.Resize(ref _nearThreshold, size);
    }
}

/// <summary>Totals of one time range of the window.</summary>
internal readonly record struct RangeTotals(int Events, int Transactions, int FailedLogins, int Changes, decimal Amount, int NearThreshold);
