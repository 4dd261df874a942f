using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;

namespace EKyc.Monitoring.Tests.Features;

public class ImpossibleTravelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly WindowOptions Options = new();
    private static int _next;

    private static ActivityEvent Login(DateTimeOffset at, string? country, bool success = true) =>
        new() { EventId = $"l{Interlocked.Increment(ref _next)}", AccountId = "a", OccurredAt = at, Type = ActivityType.Login, Success = success, DeviceId = "d1", IpCountry = country };

    private static double Hop(ActivityWindow w, ActivityEvent e, WindowOptions? options = null) =>
        w.Observe(e, options ?? Options)[FeatureNames.ImpossibleTravel];

    [Fact]
    public void A_different_country_within_the_window_is_a_hop_and_the_same_country_is_not()
    {
        var w = new ActivityWindow();
        Assert.Equal(0, Hop(w, Login(T0, "GB")));
        Assert.Equal(0, Hop(w, Login(T0.AddMinutes(10), "GB")));
        Assert.Equal(1, Hop(w, Login(T0.AddMinutes(40), "BR")));
        // Measured from the newest event: BR is now the last country, so BR again is not a hop, GB is.
        Assert.Equal(0, Hop(w, Login(T0.AddMinutes(50), "BR")));
        Assert.Equal(1, Hop(w, Login(T0.AddMinutes(55), "GB", success: false)));
    }

    [Fact]
    public void Exactly_the_window_apart_is_not_a_hop_and_one_second_less_is()
    {
        var w = new ActivityWindow();
        w.Observe(Login(T0, "GB"), Options);
        Assert.Equal(0, Hop(w, Login(T0 + Options.ImpossibleTravelWindow, "FR")));

        var v = new ActivityWindow();
        v.Observe(Login(T0, "GB"), Options);
        Assert.Equal(1, Hop(v, Login(T0 + Options.ImpossibleTravelWindow - TimeSpan.FromSeconds(1), "FR")));
    }

    [Fact]
    public void The_window_is_configurable()
    {
        var wide = new WindowOptions { ImpossibleTravelWindow = TimeSpan.FromHours(6) };
        var w = new ActivityWindow();
        w.Observe(Login(T0, "GB"), wide);
        Assert.Equal(1, Hop(w, Login(T0.AddHours(5), "FR"), wide));
    }

    [Fact]
    public void Events_without_a_country_neither_hop_nor_reset_the_last_country()
    {
        var w = new ActivityWindow();
        w.Observe(Login(T0, "GB"), Options);
        Assert.Equal(0, Hop(w, Login(T0.AddMinutes(5), null)));
        Assert.Equal("GB", w.LastCountry);
        Assert.Equal(T0, w.LastCountryAt);
        Assert.Equal(1, Hop(w, Login(T0.AddMinutes(20), "DE")));
    }

    [Fact]
    public void Country_case_does_not_make_a_hop()
    {
        var w = new ActivityWindow();
        w.Observe(Login(T0, "GB"), Options);
        Assert.Equal(0, Hop(w, Login(T0.AddMinutes(5), "gb")));
    }

    [Fact]
    public void A_late_event_is_compared_with_the_newest_country_and_does_not_replace_it()
    {
        var w = new ActivityWindow();
        w.Observe(Login(T0, "GB"), Options);
        Assert.Equal(1, Hop(w, Login(T0.AddMinutes(-30), "FR")));
        Assert.Equal("GB", w.LastCountry);
        Assert.Equal(0, Hop(w, Login(T0.AddMinutes(-90), "FR")));
    }

    [Fact]
    public void The_window_is_validated()
    {
        Assert.NotEmpty(Validate(new WindowOptions { ImpossibleTravelWindow = TimeSpan.Zero }));
        Assert.NotEmpty(Validate(new WindowOptions { ImpossibleTravelWindow = TimeSpan.FromDays(2) }));
        Assert.Empty(Validate(new WindowOptions()));
    }

    internal static List<System.ComponentModel.DataAnnotations.ValidationResult> Validate(WindowOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        return results;
    }
}
