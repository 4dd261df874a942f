using Xunit;

namespace EKyc.TestSupport;

/// <summary>
/// Connection settings of the real servers integration tests run against. <c>deploy/dev/services.sh</c> starts them
/// and prints the variables. Outside CI a missing server skips the test with a message; under CI (CI=true) it fails,
/// because CI must exercise the real servers.
/// </summary>
public static class TestServers
{
    public static string PostgresOrSkip() => Require("EKYC_TEST_POSTGRES", "PostgreSQL");

    public static string NatsOrSkip() => Require("EKYC_TEST_NATS", "NATS JetStream");

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value)) return value;
        var message = $"{what} is not configured: run `eval \"$(deploy/dev/services.sh)\"` to start it and set {variable}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return value!;
    }
}
