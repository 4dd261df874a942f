namespace EKyc.Monitoring.Features;

/// <summary>Names of the features rules and models refer to (configuration uses these strings).</summary>
public static class FeatureNames
{
    public const string TransactionCount1h = "tx_count_1h";
    public const string TransactionAmount24h = "tx_amount_24h";
    public const string FailedLogins1h = "failed_logins_1h";
    public const string NewDevice = "new_device";
    public const string NewIpCountry = "new_ip_country";
    public const string ChangeBeforeLargeTransaction = "change_before_large_tx";
    public const string DormantDays = "dormant_days";

    public static readonly IReadOnlyList<string> All =
        [TransactionCount1h, TransactionAmount24h, FailedLogins1h, NewDevice, NewIpCountry, ChangeBeforeLargeTransaction, DormantDays];
}
