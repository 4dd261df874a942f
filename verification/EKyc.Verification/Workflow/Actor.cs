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

/// <summary>
/// A caller: kind, id, and the tenant (client platform) it acts for. <see cref="Tenant"/> is null for the service's
/// own actors (system, schedule), which act on every tenant's records.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.Actor")]
public sealed record Actor([property: Id(0)] ActorKind Kind, [property: Id(1)] string Id, [property: Id(2)] string? Tenant = null)
{
    /// <summary>The tenant that stands for "every tenant" (an administrator of the whole deployment).</summary>
    public const string AllTenants = "*";

    /// <summary>Whether this actor may touch a record of <paramref name="tenant"/>.</summary>
    public bool MaySee(string? tenant) => Tenant is null || Tenant == AllTenants || tenant is null || Tenant == tenant;

    public static Actor System { get; } = new(ActorKind.System, "system");
    public static Actor Scheduler { get; } = new(ActorKind.Schedule, "reverification-schedule");

    public override string ToString() => $"{Kind}:{Id}";
}
