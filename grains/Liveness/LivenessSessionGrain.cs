using System.Collections.Immutable;
using System.Security.Cryptography;
using EKyc.GrainInterfaces.Common;
using EKyc.GrainInterfaces.Liveness;
using EKyc.Grains.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace EKyc.Grains.Liveness;

/// <summary>
/// One challenge-liveness session. The challenge (actions, nonce) comes from a cryptographic RNG; business time comes
/// from the <see cref="DomainClock"/>. The frames are verified by the face-checks port; this grain only keeps the
/// envelope: who it is for, until when, and whether its one submission has been made and used.
/// </summary>
public sealed partial class LivenessSessionGrain(
    [PersistentState("liveness", StorageNames.Grains)] IPersistentState<LivenessSessionState> state,
    IOptions<LivenessOptions> options,
    IFaceChecks faceChecks,
    IEvidenceStore evidence,
    IAuditLog audit,
    DomainClock clock,
    ILogger<LivenessSessionGrain> logger) : Grain, ILivenessSessionGrain
{
    private const string TemplateKind = "liveness_template";
    private static readonly LivenessAction[] ActionPool = Enum.GetValues<LivenessAction>();
    private LivenessSessionState S => state.State;

    public async Task<CommandResult<LivenessChallengeView>> StartAsync(Guid applicantId)
    {
        if (S.Issued)
            return CommandResult<LivenessChallengeView>.Fail(ErrorKind.Conflict, "liveness_session_exists", "A session with this id was already issued.");

        var pool = (LivenessAction[])ActionPool.Clone();
        RandomNumberGenerator.Shuffle(pool.AsSpan());
        var now = clock.GetUtcNow();
        S.Issued = true;
        S.ApplicantId = applicantId;
        S.Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        S.Actions = [.. pool.Take(Math.Clamp(options.Value.ChallengeActions, 1, pool.Length))];
        S.IssuedAt = now;
        S.ExpiresAt = now + options.Value.ChallengeLifetime;
        S.Status = LivenessSessionStatus.Issued;
        await this.WriteOrResetAsync(state);
        LogIssued(logger, this.GetPrimaryKey(), applicantId, S.Actions.Count);
        return CommandResult<LivenessChallengeView>.Ok(new LivenessChallengeView(
            this.GetPrimaryKey(), applicantId, S.Nonce, [.. S.Actions], S.IssuedAt, S.ExpiresAt));
    }

    public async Task<CommandResult<LivenessSessionView>> SubmitFramesAsync(Guid applicantId, LivenessFrameSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!S.Issued || S.ApplicantId != applicantId) return NotFound();
        var frames = submission.Frames.IsDefault ? [] : submission.Frames;
        if (frames.Length == 0) return Refuse(ErrorKind.Validation, LivenessErrors.FramesRequired, "At least one frame is required.");
        if (frames.Length > options.Value.MaxFrames)
            return Refuse(ErrorKind.Validation, LivenessErrors.TooManyFrames, $"At most {options.Value.MaxFrames} frames are accepted.");

        var now = clock.GetUtcNow();
        var outcome = await faceChecks.VerifyChallengeAsync(
            new ChallengeCheckRequest(S.Nonce, S.Actions, S.IssuedAt, S.ExpiresAt, submission with { Frames = frames }, now, AlreadySubmitted: S.Status != LivenessSessionStatus.Issued),
            CancellationToken.None);
        var code = outcome.Codes.Count > 0 ? outcome.Codes[0] : "challenge_invalid";
        switch (outcome.Stage)
        {
            case ChallengeCheckStage.Refused:
                // Nothing changes: a replay leaves the recorded result as it was; an expired session stays expired.
                LogRefused(logger, this.GetPrimaryKey(), code);
                return Refuse(outcome.RefusalKind, code, outcome.Message ?? code);
            case ChallengeCheckStage.InvalidInput:
                return Refuse(outcome.RefusalKind, code, outcome.Message ?? code);
            case ChallengeCheckStage.TimesRejected:
                await RecordAsync(now, outcome.Codes, template: null);
                return Refuse(ErrorKind.Validation, code, outcome.Message ?? $"The frame times were refused: {string.Join(", ", outcome.Codes)}.");
            default:
                await RecordAsync(now, outcome.Codes, outcome.Codes.Count == 0 ? outcome.FaceTemplate : null);
                return CommandResult<LivenessSessionView>.Ok(View(now));
        }
    }

    public Task<LivenessSessionView?> GetAsync() => Task.FromResult(S.Issued ? View(clock.GetUtcNow()) : null);

    public async Task<CommandResult<LivenessSessionView>> ConsumeAsync(Guid applicantId)
    {
        if (!S.Issued || S.ApplicantId != applicantId) return NotFound();
        var view = View(clock.GetUtcNow());
        if (S.UsedBySelfie) return Refuse(ErrorKind.Conflict, LivenessErrors.Replayed, "This liveness session was already used by a selfie.");
        if (view.Status == LivenessSessionStatus.Expired) return Refuse(ErrorKind.Conflict, LivenessErrors.Expired, "The liveness challenge expired before it was answered.");
        if (view.Status == LivenessSessionStatus.Issued) return Refuse(ErrorKind.Conflict, LivenessErrors.SessionIncomplete, "Submit the challenge frames before the selfie.");
        S.UsedBySelfie = true;
        await this.WriteOrResetAsync(state);
        return CommandResult<LivenessSessionView>.Ok(view with { UsedBySelfie = true });
    }

    private async Task RecordAsync(DateTimeOffset now, IReadOnlyList<string> codes, byte[]? template)
    {
        // The template is written first: if the state write fails the session is still open and can be answered again;
        // an orphan template is erased with the applicant's other evidence.
        if (template is not null)
        {
            S.TemplateEvidenceId = await evidence.PutAsync(S.ApplicantId, TemplateKind, "application/octet-stream", template, CancellationToken.None);
        }
        S.Status = codes.Count == 0 ? LivenessSessionStatus.Passed : LivenessSessionStatus.Failed;
        S.Codes = [.. codes];
        S.SubmittedAt = now;
        await this.WriteOrResetAsync(state);
        await audit.AppendAsync("System", "liveness", "applicant.liveness_verified", "applicant", S.ApplicantId.ToString(),
            $"session={this.GetPrimaryKey()};status={S.Status};codes={string.Join(',', S.Codes)}", CancellationToken.None);
        LogVerified(logger, this.GetPrimaryKey(), S.ApplicantId, S.Status, S.Codes.Count);
    }

    private LivenessSessionView View(DateTimeOffset now) => new(
        this.GetPrimaryKey(),
        S.ApplicantId,
        S.Status == LivenessSessionStatus.Issued && now > S.ExpiresAt ? LivenessSessionStatus.Expired : S.Status,
        [.. S.Codes],
        S.IssuedAt,
        S.ExpiresAt,
        S.SubmittedAt,
        S.UsedBySelfie,
        S.TemplateEvidenceId);

    // A session of another applicant is reported as absent: ids are not to be probed.
    private static CommandResult<LivenessSessionView> NotFound() =>
        Refuse(ErrorKind.NotFound, LivenessErrors.SessionNotFound, "No liveness session has this id for this applicant.");

    private static CommandResult<LivenessSessionView> Refuse(ErrorKind kind, string code, string message) =>
        CommandResult<LivenessSessionView>.Fail(kind, code, message);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Liveness session {SessionId} issued to applicant {ApplicantId} with {ActionCount} actions")]
    private static partial void LogIssued(ILogger logger, Guid sessionId, Guid applicantId, int actionCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Liveness session {SessionId} of applicant {ApplicantId} verified: {Status}, {CodeCount} code(s)")]
    private static partial void LogVerified(ILogger logger, Guid sessionId, Guid applicantId, LivenessSessionStatus status, int codeCount);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Liveness session {SessionId} refused a submission: {Code}")]
    private static partial void LogRefused(ILogger logger, Guid sessionId, string code);
}
