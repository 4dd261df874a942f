namespace EKyc.Monitoring.Rules;

/// <summary>The rule set; section <c>Monitoring:Rules</c>. The defaults are starting points an operator tunes.</summary>
public sealed class RuleOptions
{
    public List<RuleDefinition> Rules { get; set; } =
    [
        new() { Code = "tx_velocity", Feature = Features.FeatureNames.TransactionCount1h, Threshold = 20, Description = "20 or more transactions within an hour" },
        new() { Code = "tx_amount_24h", Feature = Features.FeatureNames.TransactionAmount24h, Threshold = 50_000, Description = "50,000 or more sent within 24 hours" },
        new() { Code = "failed_login_burst", Feature = Features.FeatureNames.FailedLogins1h, Threshold = 5, Description = "5 or more failed logins within an hour" },
        new() { Code = "change_before_large_tx", Feature = Features.FeatureNames.ChangeBeforeLargeTransaction, Threshold = 1, Description = "contact, address or beneficiary changed shortly before a large transaction" },
        new() { Code = "impossible_travel", Feature = Features.FeatureNames.ImpossibleTravel, Threshold = 1, Description = "activity from a different country less than an hour after the previous activity (no one travels that fast: shared credentials, a hijacked session or a proxy)" },
        new() { Code = "structuring", Feature = Features.FeatureNames.NearThresholdTransactions24h, Threshold = 3, Description = "3 or more transactions within 24 hours just under the reporting threshold (within 10 % of it): possible structuring to avoid a report" },
    ];

    /// <summary>Returns the problems with the rule set (unknown features, duplicate codes), empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var rule in Rules.Where(r => !Features.FeatureNames.All.Contains(r.Feature)))
            yield return $"rule '{rule.Code}' refers to unknown feature '{rule.Feature}'";
        foreach (var dup in Rules.GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"rule code '{dup.Key}' appears more than once";
    }
}
