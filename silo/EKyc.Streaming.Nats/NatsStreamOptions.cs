using Orleans;
using Orleans.Runtime;

namespace EKyc.Streaming.Nats;

/// <summary>
/// Settings of one NATS JetStream stream provider. Queue <c>i</c> (0 ≤ i &lt; <see cref="QueueCount"/>) is the subject
/// <c>{SubjectPrefix}.{i}</c> of one JetStream stream <see cref="StreamName"/>, read by the durable pull consumer
/// <c>{DurableNamePrefix}-{i}</c>. Every silo and client of a cluster must use the same values.
/// </summary>
public sealed class NatsStreamOptions
{
    public const string DefaultStreamName = "EKYC_ACTIVITY";
    public const string DefaultSubjectPrefix = "ekyc.activity";
    public const string DefaultDurableNamePrefix = "ekyc-activity";

    /// <summary>NATS server URL(s), comma-separated (e.g. <c>nats://127.0.0.1:4222</c>).</summary>
    public string Url { get; set; } = "nats://127.0.0.1:4222";

    /// <summary>The JetStream stream that holds every queue's subject; created or updated at start.</summary>
    public string StreamName { get; set; } = DefaultStreamName;

    /// <summary>Queue <c>i</c> publishes to <c>{SubjectPrefix}.{i}</c>; the stream covers <c>{SubjectPrefix}.*</c>.</summary>
    public string SubjectPrefix { get; set; } = DefaultSubjectPrefix;

    /// <summary>Number of queues (partitions). Changing it remaps stream ids to queues: drain the stream first.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>Durable consumer of queue <c>i</c>: <c>{DurableNamePrefix}-{i}</c>.</summary>
    public string DurableNamePrefix { get; set; } = DefaultDurableNamePrefix;

    /// <summary>Most messages one pull request asks for (also bounded by what the pulling agent's cache accepts).</summary>
    public int FetchBatchSize { get; set; } = 256;

    /// <summary>
    /// Server-side expiry of one pull request. Reads are no-wait pulls (they return what is there at once; the pulling
    /// agent polls again on its timer), so this only bounds a request the server could not answer. NATS.Net requires
    /// more than one second.
    /// </summary>
    public TimeSpan FetchExpiry { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Most messages of one queue delivered to this process and not yet acknowledged. The receiver stops fetching at
    /// this limit and the server-side consumer is configured with the same limit.
    /// </summary>
    public int MaxAckPending { get; set; } = 1024;

    /// <summary>How long JetStream waits for an acknowledgement before it redelivers (e.g. after a silo died).</summary>
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Deliveries of one message before JetStream gives up on it. A message whose delivery to a consumer failed is
    /// redelivered until this count, then terminated and logged (with its stream sequence) as poison.
    /// </summary>
    public int MaxDeliver { get; set; } = 5;

    /// <summary>Delay before a message whose delivery failed is redelivered.</summary>
    public TimeSpan FailedDeliveryRedeliveryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Stream replicas (1 for a single server; 3 for a clustered JetStream).</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>How long the stream keeps messages (acknowledged or not). Zero keeps them until limits are hit.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Window within which a republished message id is dropped as a duplicate (publish retries).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Batches kept per queue in the pulling agent's cache (<see cref="Orleans.Providers.Streams.Common.SimpleQueueAdapterCache"/>).</summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>
    /// When a message is acknowledged: <see cref="NatsAcknowledgement.Delivery"/> once the pulling agent delivered it
    /// to every consumer, or <see cref="NatsAcknowledgement.ConsumerCheckpoint"/> once the consumer reports (through
    /// <see cref="NatsStreamCheckpoints"/>) that a state write covers it — for consumers that checkpoint rather than
    /// write per message. Then a delivered message is no longer kept alive: if no checkpoint covers it within AckWait
    /// (its consumer's silo died), JetStream redelivers it.
    /// </summary>
    public NatsAcknowledgement AcknowledgeOn { get; set; } = NatsAcknowledgement.Delivery;

    /// <summary>How long a publish waits for JetStream's acknowledgement before the producer sees a failure.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal string SubjectFor(uint queue) => $"{SubjectPrefix}.{queue}";

    internal string DurableNameFor(uint queue) => $"{DurableNamePrefix}-{queue}";

    /// <summary>Core NATS subject for checkpoint notices (outside the stream's <c>{SubjectPrefix}.*</c>, so never stored).</summary>
    internal string CheckpointSubject => $"{SubjectPrefix}-checkpoints";

    /// <summary>Problems with these settings, in words (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Url)) problems.Add("Url is required");
        else
        {
            foreach (var url in Url.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls" or "ws" or "wss"))
                    problems.Add($"Url '{url}' is not a nats://, tls://, ws:// or wss:// URL");
            }
        }
        if (!IsName(StreamName)) problems.Add("StreamName must be 1-64 characters without spaces, '.', '*', '>', '/' or '\\'");
        if (!IsSubjectPrefix(SubjectPrefix)) problems.Add("SubjectPrefix must be dot-separated tokens without spaces or wildcards");
        if (!IsName(DurableNamePrefix, maxLength: 48)) problems.Add("DurableNamePrefix must be 1-48 characters without spaces, '.', '*', '>', '/' or '\\'");
        if (QueueCount is < 1 or > 1024) problems.Add("QueueCount must be between 1 and 1024");
        if (FetchBatchSize < 1) problems.Add("FetchBatchSize must be at least 1");
        if (FetchExpiry <= TimeSpan.FromSeconds(1) || FetchExpiry > TimeSpan.FromSeconds(30)) problems.Add("FetchExpiry must be more than 1 s and at most 30 s");
        if (MaxAckPending < FetchBatchSize) problems.Add("MaxAckPending must be at least FetchBatchSize");
        if (AckWait < TimeSpan.FromSeconds(1)) problems.Add("AckWait must be at least 1 s");
        if (MaxDeliver < 1) problems.Add("MaxDeliver must be at least 1");
        if (FailedDeliveryRedeliveryDelay < TimeSpan.Zero) problems.Add("FailedDeliveryRedeliveryDelay must not be negative");
        if (Replicas is < 1 or > 5) problems.Add("Replicas must be between 1 and 5");
        if (MaxAge < TimeSpan.Zero) problems.Add("MaxAge must not be negative");
        if (DuplicateWindow < TimeSpan.Zero || (MaxAge > TimeSpan.Zero && DuplicateWindow > MaxAge)) problems.Add("DuplicateWindow must be between 0 and MaxAge");
        if (CacheSize < 10) problems.Add("CacheSize must be at least 10");
        if (PublishTimeout <= TimeSpan.Zero) problems.Add("PublishTimeout must be positive");
        return problems;
    }

    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming every problem.</summary>
    public void Validate(string providerName)
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new OrleansConfigurationException($"NATS stream provider '{providerName}': {string.Join("; ", problems)}.");
    }

    private static bool IsName(string? name, int maxLength = 64) =>
        !string.IsNullOrEmpty(name) && name.Length <= maxLength && !name.Any(c => char.IsWhiteSpace(c) || c is '.' or '*' or '>' or '/' or '\\');

    private static bool IsSubjectPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix) && prefix.Split('.').All(t => t.Length > 0 && !t.Any(c => char.IsWhiteSpace(c) || c is '*' or '>'));
}

/// <summary>Validates a provider's <see cref="NatsStreamOptions"/> when the silo or client starts.</summary>
internal sealed class NatsStreamOptionsValidator(NatsStreamOptions options, string providerName) : IConfigurationValidator
{
    public void ValidateConfiguration() => options.Validate(providerName);
}
