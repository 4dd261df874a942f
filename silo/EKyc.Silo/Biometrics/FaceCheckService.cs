using System.Collections.Immutable;
using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Liveness;
using EKyc.Biometrics.Models;
using EKyc.Biometrics.Quality;
using EKyc.Biometrics.Recognition;
using EKyc.Documents.Intake;
using EKyc.GrainInterfaces.Common;
using EKyc.GrainInterfaces.Liveness;
using EKyc.Grains;
using EKyc.Grains.Ports;
using EKyc.Verification.Checks;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Biometrics;

/// <summary>
/// The face checks as the grains see them. Uploads go through the same safe intake as documents; the models run off
/// the grain scheduler under a per-silo concurrency bound. A selfie yields one result per check (quality, passive
/// liveness, portrait match, challenge binding, duplicates) plus the selfie and its face template to keep; a challenge
/// submission is refused on its envelope and frame times before any frame is decoded.
/// </summary>
internal sealed partial class FaceCheckService : IFaceChecks, IDisposable
{
    public const string CheckVersion = "1";
    public const string QualityCheck = "selfie_quality";
    public const string PassiveLivenessCheck = "passive_liveness";
    public const string MatchCheck = "face_match";
    public const string ChallengeCheck = "challenge_liveness";
    public const string DuplicateCheck = "duplicate_face";

    /// <summary>Fact of the duplicate check: the matching applicants' ids, comma-separated, best match first (ids only).</summary>
    public const string DuplicateApplicantsFact = "duplicate_applicant_ids";

    private const string TemplateMediaType = "application/octet-stream";
    private const string ModelVersion = FaceModels.Release;

    private readonly FaceCheckOptions _options;
    private readonly FaceEngine _engine;
    private readonly IFaceTemplateIndex _index;
    private readonly DomainClock _clock;
    private readonly ILogger<FaceCheckService> _logger;
    private readonly ImageIntake _intake;
    private readonly ChallengeLiveness _challenge;
    private readonly FaceMatchPolicy _match;
    private readonly SemaphoreSlim _slots;

    public FaceCheckService(IOptions<FaceCheckOptions> options, FaceEngine engine, IFaceTemplateIndex index, DomainClock clock, ILogger<FaceCheckService> logger)
    {
        _options = options.Value;
        _engine = engine;
        _index = index;
        _clock = clock;
        _logger = logger;
        _intake = new ImageIntake(_options.Intake);
        _slots = new SemaphoreSlim(_options.MaxConcurrent);
        _match = new FaceMatchPolicy(new FaceMatchOptions { Threshold = _options.MatchThreshold });
        _challenge = new ChallengeLiveness(new ChallengeLivenessOptions
        {
            PassiveLivenessThreshold = _options.LiveAtOrAbove,
            SameFaceMinCosine = _options.MatchThreshold,
        });
    }

    public async Task<SelfieCheckOutcome> VerifySelfieAsync(SelfieCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var analysed = await RunAsync(() => AnalyseSelfie(request.Selfie, request.DocumentPortrait), cancellationToken);
        if (analysed.Error is { } error)
            return SelfieCheckOutcome.Refused(error.Code, $"The selfie image: {error.Message}", error.Code == IntakeError.TooLarge);

        var now = _clock.GetUtcNow();
        var results = new List<CheckResult>();
        var evidence = new List<EvidenceContent> { new("selfie", analysed.Format.MediaType(), request.Selfie) };
        var selfie = analysed.Selfie!;
        if (selfie.MainFace is not { } face || !selfie.SelfieAccepted)
        {
            // Only the quality verdict: matching or searching a face the applicant must retake would send a blurred
            // selfie to a reviewer as a "mismatch" instead of asking for a better one.
            IReadOnlyList<QualityIssue> issues = selfie.SelfieIssues.Count > 0 ? selfie.SelfieIssues : [QualityIssue.NoFace];
            results.Add(CheckResult.Failed(QualityCheck, CheckVersion, VerificationStep.Selfie, now, [.. issues.Select(FaceReasons.Quality)]) with { ModelVersion = ModelVersion });
            LogSelfie(_logger, results.Count(r => r.Outcome != CheckOutcome.Pass), analysed.ElapsedMs);
            EKyc.Grains.ServiceMetrics.CheckDuration.Record(analysed.ElapsedMs, new KeyValuePair<string, object?>("step", "selfie"));
            return new SelfieCheckOutcome(results, evidence);
        }

        results.Add(CheckResult.Passed(QualityCheck, CheckVersion, VerificationStep.Selfie, now) with { ModelVersion = ModelVersion });
        evidence.Add(new(FaceTemplateIndex.Kind, TemplateMediaType, FaceTemplate.ToBytes(face.Embedding)));
        results.Add(PassiveLiveness(face, now));
        results.Add(PortraitMatch(face, request.DocumentPortrait is not null, analysed.PortraitEmbedding, now));
        results.Add(Challenge(face, request.Challenge, now));
        var duplicates = await _index.FindAsync(request.ApplicantId, face.Embedding, _options.MatchThreshold, cancellationToken);
        results.Add(Duplicates(duplicates, now));
        LogSelfie(_logger, results.Count(r => r.Outcome != CheckOutcome.Pass), analysed.ElapsedMs);
        EKyc.Grains.ServiceMetrics.CheckDuration.Record(analysed.ElapsedMs, new KeyValuePair<string, object?>("step", "selfie"));
        return new SelfieCheckOutcome(results, evidence);
    }

    public async Task<ChallengeCheckOutcome> VerifyChallengeAsync(ChallengeCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var challenge = new LivenessChallenge(request.Nonce, [.. request.Actions.Select(ToChallengeAction)], request.IssuedAt, request.ExpiresAt);
        var submission = request.Submission;

        // The envelope first: a replayed, mis-nonced or expired submission costs no image work.
        var envelope = ChallengeLiveness.CheckEnvelope(challenge, submission.Nonce, request.Now, request.AlreadySubmitted);
        if (!envelope.Passed)
        {
            var code = envelope.Codes[0];
            return new ChallengeCheckOutcome(ChallengeCheckStage.Refused, envelope.Codes,
                RefusalKind: code == ChallengeCodes.NonceMismatch ? ErrorKind.Validation : ErrorKind.Conflict,
                Message: code switch
                {
                    ChallengeCodes.Replayed => "This liveness session already took its one submission; start a new session.",
                    ChallengeCodes.NonceMismatch => "The nonce does not match the one issued for this session.",
                    _ => "The liveness challenge expired before it was answered; start a new session.",
                });
        }
        var frames = submission.Frames.IsDefault ? [] : submission.Frames;
        if (frames.Length == 0)
            return new ChallengeCheckOutcome(ChallengeCheckStage.InvalidInput, [LivenessErrors.FramesRequired], Message: "At least one frame is required.");
        if (frames.Length > _options.MaxFrames)
            return new ChallengeCheckOutcome(ChallengeCheckStage.InvalidInput, [LivenessErrors.TooManyFrames], Message: $"At most {_options.MaxFrames} frames are accepted.");

        // Then the frame times: reordered or stale frames are refused before any frame is decoded.
        var times = _challenge.CheckFrameTimes(challenge, [.. frames.Select(f => f.CapturedAt)], request.Now);
        if (!times.Passed)
        {
            return new ChallengeCheckOutcome(ChallengeCheckStage.TimesRejected, times.Codes,
                Message: times.Codes[0] == ChallengeCodes.FramesOutOfOrder
                    ? "The frame timestamps are not strictly increasing in the order the frames were sent."
                    : "A frame timestamp lies outside the challenge's validity window.");
        }

        var analysed = await RunAsync(() => AnalyseFrames(frames), cancellationToken);
        if (analysed.Error is { } error)
        {
            return new ChallengeCheckOutcome(ChallengeCheckStage.InvalidInput, [error.Code],
                RefusalKind: error.Code == IntakeError.TooLarge ? ErrorKind.TooLarge : ErrorKind.Validation,
                Message: $"Frame {analysed.FrameIndex}: {error.Message}");
        }
        var verdict = _challenge.Verify(challenge, new ChallengeSubmission(submission.Nonce, analysed.Frames), request.Now, nonceAlreadyUsed: false);
        var template = verdict.Passed && analysed.Frames[0].Face is { } first ? FaceTemplate.ToBytes(first.Embedding) : null;
        LogChallenge(_logger, frames.Length, verdict.Passed, verdict.Codes.Count, analysed.ElapsedMs);
        return new ChallengeCheckOutcome(ChallengeCheckStage.Verified, verdict.Codes, template);
    }

    private CheckResult PassiveLiveness(AnalyzedFace face, DateTimeOffset now)
    {
        var score = face.Liveness.Score;
        var result = score >= _options.LiveAtOrAbove
            ? CheckResult.Passed(PassiveLivenessCheck, CheckVersion, VerificationStep.Selfie, now)
            : score < _options.SpoofBelow
                ? CheckResult.Failed(PassiveLivenessCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.SpoofSuspected)
                : CheckResult.Undecided(PassiveLivenessCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.LivenessLowConfidence);
        return result with { Score = Math.Round(score, 4), ModelVersion = $"{ModelVersion}/{FaceModels.LivenessFile}" };
    }

    private CheckResult PortraitMatch(AnalyzedFace face, bool portraitStored, float[]? portrait, DateTimeOffset now)
    {
        var model = $"{ModelVersion}/{FaceModels.FeatureFile}";
        if (!portraitStored) return CheckResult.Undecided(MatchCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.PortraitMissing) with { ModelVersion = model };
        if (portrait is null) return CheckResult.Undecided(MatchCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.PortraitNoFace) with { ModelVersion = model };
        var match = _match.Compare(face.Embedding, portrait);
        var result = match.IsMatch
            ? CheckResult.Passed(MatchCheck, CheckVersion, VerificationStep.Selfie, now)
            : CheckResult.Failed(MatchCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.FaceMismatch);
        return result with { Score = Math.Round(match.Score, 4), ModelVersion = model };
    }

    private CheckResult Challenge(AnalyzedFace face, ChallengeEvidence? challenge, DateTimeOffset now)
    {
        if (challenge is null)
        {
            return CheckResult.Passed(ChallengeCheck, CheckVersion, VerificationStep.Selfie, now) with { Reasons = [FaceReasons.ChallengeNotPerformed] };
        }
        if (!challenge.Passed)
        {
            var reasons = challenge.Codes.Count > 0 ? challenge.Codes.Select(FaceReasons.Challenge) : [FaceReasons.Challenge("challenge_failed")];
            return CheckResult.Failed(ChallengeCheck, CheckVersion, VerificationStep.Selfie, now, [.. reasons]) with { ModelVersion = ModelVersion };
        }
        // The selfie must be the face that performed the challenge, or a live person could front for a photo.
        if (challenge.FaceTemplate is null || FaceTemplate.TryRead(challenge.FaceTemplate) is not { } performed || performed.Length != face.Embedding.Length)
        {
            return CheckResult.Undecided(ChallengeCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.ChallengeTemplateMissing) with { ModelVersion = ModelVersion };
        }
        var match = _match.Compare(face.Embedding, performed);
        var result = match.IsMatch
            ? CheckResult.Passed(ChallengeCheck, CheckVersion, VerificationStep.Selfie, now)
            : CheckResult.Failed(ChallengeCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.LivenessFaceMismatch);
        return result with { Score = Math.Round(match.Score, 4), ModelVersion = ModelVersion };
    }

    private static CheckResult Duplicates(IReadOnlyList<DuplicateFace> duplicates, DateTimeOffset now)
    {
        var model = $"{ModelVersion}/{FaceModels.FeatureFile}";
        if (duplicates.Count == 0) return CheckResult.Passed(DuplicateCheck, CheckVersion, VerificationStep.Selfie, now) with { ModelVersion = model };
        return CheckResult.Failed(DuplicateCheck, CheckVersion, VerificationStep.Selfie, now, FaceReasons.DuplicateFace) with
        {
            Score = Math.Round(duplicates[0].Score, 4),
            ModelVersion = model,
            Facts = ImmutableDictionary<string, string>.Empty.Add(DuplicateApplicantsFact, string.Join(',', duplicates.Take(10).Select(d => d.ApplicantId.ToString()))),
        };
    }

    private SelfieAnalysis AnalyseSelfie(byte[] selfieBytes, byte[]? portraitBytes)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var selfie = _intake.Decode(selfieBytes);
        if (selfie.Error is { } error) return new SelfieAnalysis(error, null, null, null, 0);
        var analysis = _engine.Analyzer.Analyze(selfie.Image!);
        float[]? portrait = null;
        if (analysis.SelfieAccepted && portraitBytes is { Length: > 0 })
        {
            try
            {
                // Our own crop from the evidence store (already through intake once): decoded directly.
                using var image = ImageDecoding.Decode(portraitBytes);
                portrait = _engine.Analyzer.Analyze(image).MainFace?.Embedding;
            }
            catch (ArgumentException)
            {
                portrait = null;
            }
        }
        return new SelfieAnalysis(null, selfie.Format, analysis, portrait, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private FrameAnalysis AnalyseFrames(IReadOnlyList<LivenessFrame> frames)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var analysed = new List<ChallengeFrame>(frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            using var decoded = _intake.Decode(frames[i].Image);
            if (decoded.Error is { } error) return new FrameAnalysis(error, i, [], 0);
            var face = _engine.Analyzer.Analyze(decoded.Image!).MainFace;
            analysed.Add(new ChallengeFrame(frames[i].CapturedAt, face is null ? null : new FrameFace(face.Pose, face.Eyes, face.Embedding, face.Liveness.Score)));
        }
        return new FrameAnalysis(null, -1, analysed, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // Off the grain's scheduler: the work is synchronous native code.
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    internal static ChallengeAction ToChallengeAction(LivenessAction action) => action switch
    {
        LivenessAction.TurnLeft => ChallengeAction.TurnLeft,
        LivenessAction.TurnRight => ChallengeAction.TurnRight,
        LivenessAction.LookUp => ChallengeAction.LookUp,
        LivenessAction.LookDown => ChallengeAction.LookDown,
        LivenessAction.Blink => ChallengeAction.Blink,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown liveness action"),
    };


    public void Dispose() => _slots.Dispose();

    private sealed record SelfieAnalysis(IntakeError? Error, ImageFormat? Format, FaceAnalysis? Selfie, float[]? PortraitEmbedding, double ElapsedMs);

    private sealed record FrameAnalysis(IntakeError? Error, int FrameIndex, IReadOnlyList<ChallengeFrame> Frames, double ElapsedMs);

    // Counts and timings only: never an image, a score tied to a person, or a template.
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Selfie checked: {NotPassed} check(s) not passed, {ElapsedMs:0} ms of analysis")]
    private static partial void LogSelfie(ILogger logger, int notPassed, double elapsedMs);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Challenge frames checked: {Frames} frame(s), passed {Passed}, {CodeCount} code(s), {ElapsedMs:0} ms of analysis")]
    private static partial void LogChallenge(ILogger logger, int frames, bool passed, int codeCount, double elapsedMs);
}
