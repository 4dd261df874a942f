using Orleans;

namespace EKyc.Verification.Workflow;

/// <summary>Who caused a change: kept with every history entry so a decision can be explained later.</summary>
public enum ActorKind
{
    System = 0,
    Client = 1,
    Applicant = 2,
    Reviewer = 3,
    Analyst = 4,
    Schedule = 5,
}

[GenerateSerializer, Immutable, Alias("ekyc.Actor")]
public sealed record Actor([property: Id(0)] ActorKind Kind, [property: Id(1)] string Id)
{
    public static Actor System { get; } = new(ActorKind.System, "system");
    public static Actor Scheduler { get; } = new(ActorKind.Schedule, "reverification-schedule");

    public override string ToString() => $"{Kind}:{Id}";
}
