using EKyc.TestSupport;

namespace EKyc.Integration.Tests.Support;

/// <summary>
/// A sanctions list for tests: the labelled EU-format sample kept with the screening tests, whose parties are invented
/// placeholders ("Test Person One", "Test Company Two Trading LLC"), never real people.
/// </summary>
public static class ScreeningLists
{
    public static string FormatSample =>
        Path.Combine(RepositoryRoot.Require(), "tests", "EKyc.Screening.Tests", "FormatSamples", "eu_consolidated_format_sample.xml");
}
