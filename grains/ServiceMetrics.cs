using System.Diagnostics.Metrics;

namespace EKyc.Grains;

/// <summary>
/// The service's own measurements (meter "EKyc", exported at /metrics with Orleans' and ASP.NET Core's): decisions by
/// step and verdict, check outcomes, account events applied, flags raised, webhook deliveries, check latency. Labels
/// are codes and names only, never personal data.
/// </summary>
public static class ServiceMetrics
{
    public const string MeterName = "EKyc";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>("ekyc.decisions", description: "Step decisions by step and verdict");

    public static readonly Counter<long> Checks = Meter.CreateCounter<long>("ekyc.checks", description: "Check results by check name and outcome");

    public static readonly Histogram<double> CheckDuration = Meter.CreateHistogram<double>("ekyc.check.duration", "ms", "Time to run a step's checks, by step");

    public static readonly Counter<long> EventsApplied = Meter.CreateCounter<long>("ekyc.activity.events_applied", description: "Account-activity events applied (duplicates excluded)");

    public static readonly Counter<long> EventDuplicates = Meter.CreateCounter<long>("ekyc.activity.duplicates", description: "Account-activity events recognised as duplicates");

    public static readonly Counter<long> Checkpoints = Meter.CreateCounter<long>("ekyc.activity.checkpoints", description: "Account state writes that made applied stream activity durable");

    public static readonly Counter<long> IngressBatches = Meter.CreateCounter<long>("ekyc.activity.ingress", description: "JSON activity batches read from the JetStream ingress, by outcome");

    public static readonly Counter<long> FlagsRaised = Meter.CreateCounter<long>("ekyc.flags.raised", description: "Account flags raised, by first reason");

    public static readonly Counter<long> DocumentsChecked = Meter.CreateCounter<long>("ekyc.documents.checked", description: "Document submissions checked, by kind and outcome");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>("ekyc.webhooks.deliveries", description: "Webhook delivery attempts by result");
}
