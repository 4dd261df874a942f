using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Workflow;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Endpoints;

/// <summary>
/// The one place the API decides whether the caller's tenant may see an applicant (for reads that go around the
/// grain's own check: the view, evidence, check results, audit). Another tenant's applicant is answered exactly like
/// an unknown one.
/// </summary>
internal static class VisibleApplicants
{
    /// <summary>The applicant's view when it exists and the caller may see it; otherwise null.</summary>
    public static async Task<ApplicantView?> FindAsync(IGrainFactory grains, Guid id, HttpContext http) =>
        await grains.GetGrain<IApplicantGrain>(id).GetAsync() is { } view && Actors.Of(http, ActorKind.Client).MaySee(view.TenantId)
            ? view
            : null;
}
