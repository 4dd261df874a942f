using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using EKyc.Monitoring.Scoring;

namespace EKyc.Monitoring.Tests.Scoring;

public class RiskThresholdsTests
{
    private static AnomalyScore Score(double value) => new(value, value, ImmutableArray<FeatureContribution>.Empty);

    [Fact]
    public void Defaults_are_valid()
    {
        var defaults = new RiskThresholds();
        Assert.Empty(defaults.Problems());
        Assert.Same(defaults, defaults.Validated());
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), null, validateAllProperties: true));
    }

    [Theory]
    [InlineData(0.0, 20L, 3, "FlagScore")]
    [InlineData(1.0, 20L, 3, "FlagScore")]
    [InlineData(double.NaN, 20L, 3, "FlagScore")]
    [InlineData(0.75, -1L, 3, "MinimumHistoryEvents")]
    [InlineData(0.75, 20L, 0, "TopContributors")]
    [InlineData(0.75, 20L, 21, "TopContributors")]
    public void Bad_options_are_rejected_with_the_offending_setting(double flagScore, long minimumHistory, int top, string setting)
    {
        var options = new RiskThresholds { FlagScore = flagScore, MinimumHistoryEvents = minimumHistory, TopContributors = top };
        var problem = Assert.Single(options.Problems());
        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
        var thrown = Assert.Throws<ArgumentException>(() => options.Validated());
        Assert.Contains(setting, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_annotations_agree_with_the_checks()
    {
        var options = new RiskThresholds { FlagScore = 1.5 };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RiskThresholds.FlagScore)));
    }

    [Fact]
    public void Flags_only_at_or_above_the_score_and_past_the_minimum_history()
    {
        var thresholds = new RiskThresholds { FlagScore = 0.7, MinimumHistoryEvents = 20 };
        Assert.True(thresholds.ShouldFlag(Score(0.7), eventsSeen: 20));
        Assert.False(thresholds.ShouldFlag(Score(0.69), eventsSeen: 1_000));
        Assert.False(thresholds.ShouldFlag(Score(0.99), eventsSeen: 19));
        Assert.True(new RiskThresholds { MinimumHistoryEvents = 0 }.ShouldFlag(Score(0.99), eventsSeen: 0));
    }
}
