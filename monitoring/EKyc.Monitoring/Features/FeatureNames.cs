namespace EKyc.Monitoring.Features;

/// <summary>
/// Names of the features rules and models refer to (configuration and saved models use these strings). Append new
/// names at the end; never rename one, since rule sets and trained models name them.
/// </summary>
public static class FeatureNames
{
    public const string TransactionCount1h = "tx_count_1h";
    public const string TransactionAmount24h = "tx_amount_24h";
    public const string FailedLogins1h = "failed_logins_1h";
    public const string NewDevice = "new_device";
    public const string NewIpCountry = "new_ip_country";
    public const string ChangeBeforeLargeTransaction = "change_before_large_tx";
    public const string DormantDays = "dormant_days";

    /// <summary>This transaction's amount against the account's own history: z-score of log(1+amount); 0 for other events.</summary>
    public const string AmountZScore = "amount_zscore";

    /// <summary>Distinct counterparties the account transacted with in the last 24 hours, this event included.</summary>
    public const string Counterparties24h = "counterparties_24h";

    /// <summary>1 when a transaction goes to a counterparty the account has not used before.</summary>
    public const string NewCounterparty = "new_counterparty";

    /// <summary>Hours (0–12) between this event's hour of day and the account's usual hour, weighted by how regular the account is.</summary>
    public const string HourDeviation = "hour_deviation";

    /// <summary>Contact, address, beneficiary, device and password changes in the last 24 hours.</summary>
    public const string Changes24h = "changes_24h";

    /// <summary>All events of the account in the last hour.</summary>
    public const string Events1h = "events_1h";

    /// <summary>How many of {a new device, a new IP country} first appeared within the last 24 hours (0–2).</summary>
    public const string NewAccess24h = "new_access_24h";

    /// <summary>
    /// Transactions in the last 24 hours against the account's usual daily count since its first activity, as
    /// (count + 1) / (usual + 1); 1 until the account is a day old.
    /// </summary>
    public const string TransactionsVsUsual = "tx_24h_vs_usual";

    /// <summary>Transactions to counterparties new to the account in the last 24 hours (mule fan-out).</summary>
    public const string NewCounterparties24h = "new_counterparties_24h";

    /// <summary>
    /// 1 when this event comes from a different IP country than the account's previous event, less than
    /// <see cref="WindowOptions.ImpossibleTravelWindow"/> apart (a country hop: no one travels that fast).
    /// </summary>
    public const string ImpossibleTravel = "impossible_travel";

    /// <summary>
    /// Transactions in the last 24 hours just under the reporting threshold (<see cref="WindowOptions.NearThresholdBand"/>),
    /// this one included: several of them is the structuring pattern.
    /// </summary>
    public const string NearThresholdTransactions24h = "near_threshold_tx_24h";

    public static readonly IReadOnlyList<string> All =
    [
        TransactionCount1h, TransactionAmount24h, FailedLogins1h, NewDevice, NewIpCountry, ChangeBeforeLargeTransaction, DormantDays,
        AmountZScore, Counterparties24h, NewCounterparty, HourDeviation, Changes24h, Events1h, NewAccess24h, TransactionsVsUsual, NewCounterparties24h,
        ImpossibleTravel, NearThresholdTransactions24h,
    ];
}
