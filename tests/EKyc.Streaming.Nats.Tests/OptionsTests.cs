using Orleans.Runtime;

namespace EKyc.Streaming.Nats.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.Empty(new NatsStreamOptions().Problems());

    [Theory]
    [InlineData(nameof(NatsStreamOptions.Url), "http://localhost")]
    [InlineData(nameof(NatsStreamOptions.StreamName), "EKYC.ACTIVITY")]
    [InlineData(nameof(NatsStreamOptions.SubjectPrefix), "ekyc.*")]
    [InlineData(nameof(NatsStreamOptions.SubjectPrefix), "ekyc..activity")]
    [InlineData(nameof(NatsStreamOptions.DurableNamePrefix), "has space")]
    public void Bad_names_are_refused(string property, string value)
    {
        var options = new NatsStreamOptions();
        typeof(NatsStreamOptions).GetProperty(property)!.SetValue(options, value);
        var error = Assert.Throws<OrleansConfigurationException>(() => options.Validate("activity"));
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_checked()
    {
        var options = new NatsStreamOptions { QueueCount = 0, FetchBatchSize = 500, MaxAckPending = 100, MaxDeliver = 0, AckWait = TimeSpan.Zero, FetchExpiry = TimeSpan.FromSeconds(1) };
        var problems = string.Join(" ", options.Problems());
        Assert.Contains("QueueCount", problems, StringComparison.Ordinal);
        Assert.Contains("MaxAckPending", problems, StringComparison.Ordinal);
        Assert.Contains("MaxDeliver", problems, StringComparison.Ordinal);
        Assert.Contains("AckWait", problems, StringComparison.Ordinal);
        Assert.Contains("FetchExpiry", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_deliveries_advisory_is_read()
    {
        var json = """{"type":"io.nats.jetstream.advisory.v1.max_deliver","id":"x","timestamp":"2026-01-01T00:00:00Z","stream":"S","consumer":"C","stream_seq":42,"deliveries":5}"""u8;
        Assert.Equal((42UL, 5UL), NatsQueueAdapterReceiver.ReadMaxDeliveriesAdvisory(json));
    }
}
