namespace EKyc.Silo.Observability;

/// <summary>Logs, metrics, traces and the Orleans Dashboard; section <c>Observability</c>.</summary>
public sealed class ObservabilityOptions
{
    /// <summary><c>text</c> (readable console lines) or <c>json</c> (one JSON object per line, for a log pipeline).</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>Serve Prometheus metrics at <c>/metrics</c>.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// OTLP endpoint for traces (e.g. an OpenTelemetry collector); empty = no trace export. The standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT variable works too.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// The Orleans Dashboard at <c>/dashboard</c> (cluster, grains, reminders), served by the API behind its access
    /// control (administrators of all tenants). It adds a profiling filter to every grain call, so it is on by default
    /// only in Development; a cluster turns it on for every silo and API process (the silos collect the data).
    /// </summary>
    public bool? Dashboard { get; set; }
}
