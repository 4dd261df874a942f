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
