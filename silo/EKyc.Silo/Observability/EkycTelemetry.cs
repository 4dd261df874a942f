using System.Diagnostics.Metrics;

namespace EKyc.Silo.Observability;

/// <summary>Names of the service's own meters and activity sources, next to Orleans' and ASP.NET Core's.</summary>
public static class EkycTelemetry
{
    public const string MeterName = "EKyc";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Document submissions checked, by kind and outcome (passed / not passed).</summary>
    public static readonly Counter<long> DocumentsChecked = Meter.CreateCounter<long>("ekyc.documents.checked", description: "Document submissions checked");

    public static readonly Histogram<double> DocumentCheckMs = Meter.CreateHistogram<double>("ekyc.documents.check_duration", "ms", "Time to check one document submission");
}
