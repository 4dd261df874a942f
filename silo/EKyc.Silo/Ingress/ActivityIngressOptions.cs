using System.ComponentModel.DataAnnotations;

namespace EKyc.Silo.Ingress;

/// <summary>
/// The platform's second way in (section <c>Streaming:Nats:Ingress</c>, active when <c>Streaming:Nats:Url</c> is set):
/// JSON batches published to the JetStream subject <c>{SubjectPrefix}.{tenant}</c>, the same body as
/// <c>POST /v1/activity/stream</c>. NATS permissions on those subjects decide which publisher may speak for which tenant.
/// </summary>
public sealed class ActivityIngressOptions
{
    public bool Enabled { get; set; } = true;

    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string StreamName { get; set; } = "EKYC_ACTIVITY_IN";

    /// <summary>Dot-separated tokens; the tenant is the one token after it.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    public string SubjectPrefix { get; set; } = "ekyc.ingest";

    /// <summary>One durable consumer shared by every silo: each message goes to one of them.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string DurableName { get; set; } = "ekyc-ingest";

    /// <summary>How long the ingress stream keeps messages (handled or not).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Within this window a message republished with the same <c>Nats-Msg-Id</c> header is dropped by JetStream.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts for a batch that could not be published (back-pressure, a silo stopping) before it is dropped and logged.</summary>
    [Range(1, 1000)]
    public int MaxDeliver { get; set; } = 20;
}
