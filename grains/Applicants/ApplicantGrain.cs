using System.Collections.Immutable;
using EKyc.GrainInterfaces.Accounts;
using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Common;
using EKyc.Grains.Ports;
using EKyc.Verification.Applicants;
using EKyc.Verification.Checks;
using EKyc.Verification.Policy;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace EKyc.Grains.Applicants;

/// <summary>
/// One applicant. Each command asks the pure state machine for a transition, then applies, records and writes it;
/// a refused transition returns its code and writes nothing.
/// </summary>
public sealed partial class ApplicantGrain(
    [PersistentState("applicant", StorageNames.Grains)] IPersistentState<ApplicantState> state,
    IOptions<DecisionPolicyOptions> policyOptions,
    IOptions<ReverificationOptions> scheduleOptions,
    IOptions<EKyc.Verification.Retention.RetentionOptions> retentionOptions,
    IApplicantProjection projection,
    IAuditLog audit,
    IOutbox outbox,
    IBackgroundChecks backgroundChecks,
    IDocumentChecks documentChecks,
    IEvidenceStore evidence,
    IFaceChecks faceChecks,
    IOptions<EKyc.Grains.Liveness.LivenessOptions> livenessOptions,
    DomainClock clock,
    ILogger<ApplicantGrain> logger) : Grain, IApplicantGrain, IRemindable
{
    private const string ScheduleReminder = "reverification-check";
    private const int MaxReplays = 64;
    private readonly DecisionPolicy _policy = new(policyOptions.Value);
    private ApplicantState S => state.State;

    public async Task<CommandResult<ApplicantView>> RegisterAsync(RegisterApplicant command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Hidden(command.Actor)) return NotFound();
        if (S.Exists)
        {
            // A retried registration (same idempotency key, same data) gets the applicant back, not a duplicate.
            return SameRegistration(command)
                ? Ok()
                : Refuse(ErrorKind.Conflict, "applicant_exists", "An applicant with this id (or idempotency key) is already registered with other data.");
        }
        var errors = RegistrationRules.Validate(command.GivenNames, command.Surname, command.Email, command.Phone);
        if (errors.Count > 0)
        {
            return CommandResult<ApplicantView>.Fail(new CommandError(ErrorKind.Validation, errors[0].Code, "The registration data is not valid.")
            {
                Fields = errors.ToImmutableDictionary(e => e.Field, e => e.Message),
            });
        }

        var now = clock.GetUtcNow();
        S.Exists = true;
        S.TenantId = command.Actor.Tenant is { } tenant && tenant != Actor.AllTenants ? tenant : null;
        S.GivenNames = command.GivenNames.Trim();
        S.BirthDate = command.BirthDate;
        S.Surname = command.Surname.Trim();
        S.Email = command.Email;
        S.Phone = command.Phone;
        S.RiskTier = command.RiskTier;
        S.Stage = VerificationStage.Registered;
        S.CreatedAt = now;
        S.History.Add(new HistoryEntry(now, VerificationStage.Registered, VerificationStage.Registered, "registered", "applicant registered", command.Actor));
        await this.WriteOrResetAsync(state);
        await ProjectAsync();
        await AuditAsync(command.Actor, "applicant.registered", $"risk_tier={command.RiskTier}");
        LogRegistered(logger, this.GetPrimaryKey(), command.RiskTier);
        return Ok();
    }

    private bool SameRegistration(RegisterApplicant c) =>
        S.GivenNames == c.GivenNames.Trim() && S.Surname == c.Surname.Trim() && S.Email == c.Email && S.Phone == c.Phone && S.BirthDate == c.BirthDate;

    public Task<CommandResult<ApplicantView>> GiveConsentAsync(string consentVersion, string channel, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(consentVersion) || consentVersion.Length > 64)
            return Task.FromResult(Refuse(ErrorKind.Validation, "invalid_consent_version", "consentVersion is required and at most 64 characters."));
        if (channel is not ("web" or "mobile" or "api" or "assisted"))
            return Task.FromResult(Refuse(ErrorKind.Validation, "invalid_consent_channel", "channel is web, mobile, api or assisted."));
        return ApplyAsync(new GiveConsent(consentVersion), actor, onApplied: () =>
        {
            S.ConsentVersion = consentVersion;
            S.Consents.Add(new ConsentRecord(clock.GetUtcNow(), consentVersion, channel, Given: true));
        });
    }

    public Task<CommandResult<ApplicantView>> StartCaptureAsync(Actor actor) =>
        ApplyAsync(new StartCapture(), actor, onApplied: StartRound);

    public async Task<CommandResult<ApplicantView>> CompleteStepAsync(VerificationStep step, IReadOnlyList<CheckResult> results, string idempotencyKey, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!S.Exists || Hidden(actor)) return NotFound();
        if (string.IsNullOrWhiteSpace(idempotencyKey)) return Refuse(ErrorKind.Validation, "idempotency_key_required", "An idempotency key is required.");
        if (S.Replays.Find(r => r.Key == idempotencyKey) is { } replay)
        {
            return replay.ErrorCode is null ? Ok() : Refuse(ErrorKind.Conflict, replay.ErrorCode, "This submission was already refused.");
        }

        var attempt = S.Attempt + 1;
        var decision = _policy.Evaluate(step, results, attempt);
        ServiceMetrics.Decisions.Add(1, new("step", step.ToString()), new("verdict", decision.Verdict.ToString()));
        foreach (var r in results) ServiceMetrics.Checks.Add(1, new("check", r.CheckName), new("outcome", r.Outcome.ToString()));
        var transition = VerificationStateMachine.Decide(S.Stage, new CompleteStep(decision));
        if (!transition.IsValid) return Refuse(transition);

        S.RoundResults.AddRange(results.Where(r => r.Step == step));
        S.LastDecision = decision;
        S.Attempt = transition.To == transition.From ? attempt : 0;
        RememberReplay(idempotencyKey, transition.To);
        var committed = await CommitAsync(transition, actor, decision.PolicyVersion);
        if (transition.To != VerificationStage.UnderVerification || step == VerificationStep.Background) return committed;

        // Capture is complete: the background checks run now and decide the outcome.
        var background = await backgroundChecks.RunAsync(Subject(), CancellationToken.None);
        return await CompleteStepAsync(VerificationStep.Background, background, $"{idempotencyKey}:background", Actor.System);
    }

    public Task<CommandResult<ApplicantView>> ReviewAsync(bool approve, string reason, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            return Task.FromResult(Refuse(ErrorKind.Validation, "reason_required", "A reviewer decision needs a reason of at most 1000 characters."));
        return ApplyAsync(new ReviewDecided(approve, reason), actor);
    }

    public Task<CommandResult<ApplicantView>> RequireReverificationAsync(ReverificationSource source, string reason, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            return Task.FromResult(Refuse(ErrorKind.Validation, "reason_required", "Re-verification needs a reason of at most 1000 characters."));
        return ApplyAsync(new RequireReverification(source, reason), actor, onApplied: () => S.DueReason = source);
    }

    public Task<CommandResult<ApplicantView>> WithdrawConsentAsync(string reason, Actor actor) =>
        ApplyAsync(new WithdrawConsent(string.IsNullOrWhiteSpace(reason) ? "consent withdrawn" : reason), actor,
            onApplied: () => S.Consents.Add(new ConsentRecord(clock.GetUtcNow(), S.ConsentVersion ?? "", "api", Given: false)));

    public async Task<CommandResult<ApplicantView>> LinkAccountAsync(string accountId, Actor actor)
    {
        if (!S.Exists || Hidden(actor)) return NotFound();
        if (S.Stage == VerificationStage.Withdrawn) return Refuse(ErrorKind.Conflict, WorkflowErrors.Withdrawn, "Consent was withdrawn; no accounts can be linked.");
        if (S.LinkedAccounts.Contains(accountId)) return Ok();
        var linked = await GrainFactory.GetGrain<IAccountGrain>(AccountKeys.For(S.TenantId, accountId)).LinkAsync(this.GetPrimaryKey());
        if (!linked.IsOk) return CommandResult<ApplicantView>.Fail(linked.Error!);
        S.LinkedAccounts.Add(accountId);
        await this.WriteOrResetAsync(state);
        await AuditAsync(actor, "applicant.account_linked", $"account={accountId}");
        return Ok();
    }

    public Task<ApplicantView?> GetAsync() => Task.FromResult(S.Exists ? ApplicantViews.From(this.GetPrimaryKey(), S) : null);

    private async Task<CommandResult<ApplicantView>> ApplyAsync(WorkflowTrigger trigger, Actor actor, Action? onApplied = null)
    {
        if (!S.Exists || Hidden(actor)) return NotFound();
        var transition = VerificationStateMachine.Decide(S.Stage, trigger);
        if (!transition.IsValid) return Refuse(transition);
        onApplied?.Invoke();
        return await CommitAsync(transition, actor, policyVersion: null);
    }

    private async Task<CommandResult<ApplicantView>> CommitAsync(Transition transition, Actor actor, string? policyVersion)
    {
        var now = clock.GetUtcNow();
        S.Stage = transition.To;
        S.History.Add(new HistoryEntry(now, transition.From, transition.To, transition.Trigger, transition.Reason, actor)
        {
            ReasonCodes = [.. transition.Reasons.Select(r => r.Code)],
            PolicyVersion = policyVersion,
        });
        if (transition.To == VerificationStage.Approved) S.Plan = PlanSchedule(now);
        if (ClientEvent(transition, now) is { } pending) S.Outbox.Add(pending);
        StartRetentionClock(transition, now);
        await this.WriteOrResetAsync(state);
        await S.Outbox.FlushAsync(outbox);
        await ProjectAsync();
        await AuditAsync(actor, "applicant.transition",
            $"from={transition.From};to={transition.To};trigger={transition.Trigger};codes={string.Join(',', transition.Reasons.Select(r => r.Code))};policy={policyVersion}");
        LogTransition(logger, this.GetPrimaryKey(), transition.From, transition.To, transition.Trigger);

        // The reminder follows the state, after the write: a crash in between is repaired by the next tick.
        if (transition.To == VerificationStage.Approved) await StartScheduleAsync(now, S.Plan!.NextDue);
        else if (S.ErasureDueAt is { } erasure && S.ErasedAt is null) await StartScheduleAsync(now, erasure);
        else if (transition.From == VerificationStage.Approved) await StopScheduleAsync();
        return Ok();
    }

    private void StartRound()
    {
        S.Attempt = 0;
        S.RoundResults.Clear();
        S.LastDecision = null;
    }

    private void RememberReplay(string key, VerificationStage after)
    {
        S.Replays.Add(new ReplayEntry(key, after, null));
        if (S.Replays.Count > MaxReplays) S.Replays.RemoveAt(0);
    }

    private CommandResult<ApplicantView> Ok() => CommandResult<ApplicantView>.Ok(ApplicantViews.From(this.GetPrimaryKey(), S));

    private static CommandResult<ApplicantView> Refuse(ErrorKind kind, string code, string message) => CommandResult<ApplicantView>.Fail(kind, code, message);

    private static CommandResult<ApplicantView> Refuse(Transition t) => Refuse(ErrorKind.Conflict, t.ErrorCode!, t.Reason);

    // Another tenant's applicant does not exist as far as the caller can tell: same answer as an unknown id.
    private bool Hidden(Actor actor) => S.Exists && !actor.MaySee(S.TenantId);

    private static CommandResult<ApplicantView> NotFound() => Refuse(ErrorKind.NotFound, "applicant_not_found", "No applicant has this id.");

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applicant {ApplicantId} registered with risk tier {RiskTier}")]
    private static partial void LogRegistered(ILogger logger, Guid applicantId, RiskTier riskTier);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Applicant {ApplicantId} moved {From} -> {To} on {Trigger}")]
    private static partial void LogTransition(ILogger logger, Guid applicantId, VerificationStage from, VerificationStage to, string trigger);

}
