using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Common;
using EKyc.Grains.Ports;
using EKyc.Verification.Checks;
using EKyc.Verification.Workflow;

namespace EKyc.Grains.Applicants;

/// <summary>Re-screening of approved applicants when the sanctions/PEP lists change.</summary>
public sealed partial class ApplicantGrain
{
    public async Task<CommandResult<ApplicantView>> RescreenAsync(Actor actor)
    {
        if (!S.Exists || S.ErasedAt is not null || Hidden(actor)) return NotFound();
        if (S.Stage != VerificationStage.Approved) return Ok();
        var results = await backgroundChecks.RunAsync(Subject(), CancellationToken.None);
        var hits = results.Where(r => r.Outcome != CheckOutcome.Pass)
            .SelectMany(r => r.Reasons.IsDefaultOrEmpty ? [new ReasonCode($"{r.CheckName}_failed", ReasonCategory.NeedsReview)] : r.Reasons.AsEnumerable())
            .Where(r => r.Category != ReasonCategory.Notice)
            .Select(r => r.Code).Distinct().ToList();
        if (hits.Count == 0)
        {
            await AuditAsync(actor, "applicant.rescreened", "result=clear");
            return Ok();
        }
        await AuditAsync(actor, "applicant.rescreened", $"result=hit;codes={string.Join(',', hits)}");
        return await RequireReverificationAsync(ReverificationSource.ScreeningListChange, $"screening after a list update: {string.Join(", ", hits)}", actor);
    }

    // Screening is stronger with what the document established: birth date and nationality narrow name hits.
    private BackgroundSubject Subject()
    {
        var facts = S.RoundResults.Where(r => r.Step == VerificationStep.Document).SelectMany(r => r.Facts)
            .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        DateOnly? birth = facts.TryGetValue(CheckFacts.BirthDate, out var b) && DateOnly.TryParse(b, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        return new BackgroundSubject(S.GivenNames, S.Surname, birth, facts.GetValueOrDefault(CheckFacts.Nationality));
    }
}
