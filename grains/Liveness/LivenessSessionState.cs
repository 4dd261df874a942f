using EKyc.GrainInterfaces.Liveness;
using Orleans;

namespace EKyc.Grains.Liveness;

/// <summary>Durable state of one liveness session. Versioned contract: add fields with new ids, never reuse an id.</summary>
[GenerateSerializer, Alias("ekyc.LivenessSessionState")]
public sealed class LivenessSessionState
{
    [Id(0)] public bool Issued { get; set; }
    [Id(1)] public Guid ApplicantId { get; set; }
    [Id(2)] public string Nonce { get; set; } = "";
    [Id(3)] public List<LivenessAction> Actions { get; set; } = [];
    [Id(4)] public DateTimeOffset IssuedAt { get; set; }
    [Id(5)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(6)] public LivenessSessionStatus Status { get; set; }
    [Id(7)] public List<string> Codes { get; set; } = [];
    [Id(8)] public DateTimeOffset? SubmittedAt { get; set; }
    [Id(9)] public bool UsedBySelfie { get; set; }

    /// <summary>The encrypted face template of the frames in the evidence store (id only).</summary>
    [Id(10)] public string? TemplateEvidenceId { get; set; }
}
