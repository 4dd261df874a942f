using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EKyc.Api.Http;
using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Liveness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EKyc.Api.Endpoints;

/// <summary>
/// The selfie step and challenge liveness. The API only reads the multipart bodies within their limits; every image is
/// decoded and analysed silo-side, behind the grains.
/// </summary>
public static class BiometricEndpoints
{
    /// <summary>Most frames per challenge submission (the grains enforce <c>Biometrics:MaxFrames</c>, default the same).</summary>
    public const int MaxFrames = 12;

    /// <summary>Largest single frame: frames are video stills, far smaller than document photos.</summary>
    public const long MaxFrameBytes = 4L * 1024 * 1024;

    public static RouteGroupBuilder MapBiometrics(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/applicants").WithTags("Capture");

        group.MapPost("/{id:guid}/liveness", async (Guid id, IGrainFactory grains, HttpContext http) =>
        {
            var started = await grains.GetGrain<IApplicantGrain>(id).StartLivenessAsync(Actors.Client(http));
            return Problems.Map(started, c => Results.Ok(new
            {
                sessionId = c.SessionId,
                nonce = c.Nonce,
                actions = c.Actions.Select(ActionName).ToArray(),
                issuedAt = c.IssuedAt,
                expiresAt = c.ExpiresAt,
            }));
        }).WithName("StartLiveness").WithSummary(
            "Start a challenge-liveness session while the applicant is at the selfie step: returns the session id, the nonce to echo, " +
            "the ordered actions (turn_left, turn_right, look_up, look_down, blink) and the expiry. One submission per session.");

        group.MapPost("/{id:guid}/liveness/{sessionId:guid}/frames", async (Guid id, Guid sessionId, HttpRequest request, IGrainFactory grains, IOptions<ApiOptions> options, CancellationToken ct) =>
        {
            var (form, problem) = await Uploads.ReadFormAsync(request, ct);
            if (problem is not null) return problem;
            var (submission, invalid) = await ReadFramesAsync(form!, Math.Min(MaxFrameBytes, options.Value.MaxImageBytes), ct);
            if (invalid is not null) return invalid;
            var result = await grains.GetGrain<ILivenessSessionGrain>(sessionId).SubmitFramesAsync(id, submission!);
            return Problems.Map(result, s => Results.Ok(new
            {
                sessionId = s.SessionId,
                status = s.Status.ToString(),
                passed = s.Status == LivenessSessionStatus.Passed,
                codes = s.Codes,
                submittedAt = s.SubmittedAt,
            }));
        }).WithName("SubmitLivenessFrames").WithSummary(
            "Answer a liveness challenge (multipart/form-data): field 'nonce' (as issued); file parts 'frame0'..'frame11' (JPEG, PNG or WebP, " +
            "at most 12 frames of 4 MB each, in capture order, not mirrored); capture times either as field 'timestamps', a JSON array with one " +
            "RFC 3339 date-time string (or Unix milliseconds) per frame in the same order, or as fields 'timestamp0'..'timestamp11'. " +
            "Replayed (challenge_replayed, 409), expired (challenge_expired, 409) and mis-nonced (challenge_nonce_mismatch, 400) submissions are " +
            "refused unrecorded; reordered (frames_out_of_order) or out-of-window (frames_stale) times are refused with 400 and fail the session. " +
            "Otherwise 200 with status Passed or Failed and the codes (e.g. action_not_observed:blink, face_changed_between_frames).");

        group.MapPost("/{id:guid}/selfie", async (Guid id, HttpRequest request, IGrainFactory grains, IOptions<ApiOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            if (key.Length > 200) return Problems.Result(400, "invalid_idempotency_key", "Idempotency-Key is at most 200 characters.");
            var (form, problem) = await Uploads.ReadFormAsync(request, ct);
            if (problem is not null) return problem;
            Guid? sessionId = null;
            var sessionText = form!["livenessSessionId"].ToString();
            if (sessionText.Length > 0)
            {
                if (!Guid.TryParse(sessionText, out var parsed))
                    return Problems.Result(400, "invalid_liveness_session_id", "livenessSessionId must be the session id returned when the challenge was started.");
                sessionId = parsed;
            }
            var (selfie, selfieProblem) = await Uploads.ReadFileAsync(form, "selfie", required: true, options.Value.MaxImageBytes, ct);
            if (selfieProblem is not null) return selfieProblem;
            var result = await grains.GetGrain<IApplicantGrain>(id).SubmitSelfieAsync(
                new SelfieSubmission(selfie!, sessionId), key.Length > 0 ? key : Guid.NewGuid().ToString("N"), Actors.Client(http));
            return Problems.Map(result, view => Results.Ok(view));
        }).WithName("SubmitSelfie").WithSummary(
            "Upload the selfie (multipart: file part 'selfie', optional field 'livenessSessionId' of a completed challenge session); the face " +
            "checks (quality, liveness, match to the document portrait, duplicate faces) run and drive the applicant's state.");

        return group;
    }

    private static async Task<(LivenessFrameSubmission? Submission, IResult? Problem)> ReadFramesAsync(IFormCollection form, long maxFrameBytes, CancellationToken ct)
    {
        var nonce = form["nonce"].ToString();
        if (nonce.Length is 0 or > 128) return (null, Problems.Result(400, "nonce_required", "The 'nonce' field of the challenge is required."));

        var frameParts = form.Files.Where(f => f.Name.StartsWith("frame", StringComparison.Ordinal)).ToList();
        if (frameParts.Count == 0) return (null, Problems.Result(400, LivenessErrors.FramesRequired, "At least one frame part ('frame0') is required."));
        if (frameParts.Count > MaxFrames) return (null, Problems.Result(400, LivenessErrors.TooManyFrames, $"At most {MaxFrames} frames are accepted."));
        for (var i = 0; i < frameParts.Count; i++)
        {
            if (form.Files.GetFile($"frame{i}") is null)
                return (null, Problems.Result(400, "invalid_frames", $"Frame parts must be named frame0..frame{frameParts.Count - 1} without gaps; 'frame{i}' is missing."));
        }

        var (times, timesProblem) = ReadTimestamps(form, frameParts.Count);
        if (timesProblem is not null) return (null, timesProblem);

        var frames = ImmutableArray.CreateBuilder<LivenessFrame>(frameParts.Count);
        for (var i = 0; i < frameParts.Count; i++)
        {
            var (bytes, problem) = await Uploads.ReadFileAsync(form, $"frame{i}", required: true, maxFrameBytes, ct);
            if (problem is not null) return (null, problem);
            frames.Add(new LivenessFrame(times![i], bytes!));
        }
        return (new LivenessFrameSubmission(nonce, frames.MoveToImmutable()), null);
    }

    /// <summary>One capture time per frame, from 'timestamps' (JSON array) or 'timestamp{i}' fields.</summary>
    private static (DateTimeOffset[]? Times, IResult? Problem) ReadTimestamps(IFormCollection form, int count)
    {
        var invalid = Problems.Result(400, "invalid_timestamps",
            $"Send one capture time per frame ({count}): 'timestamps' as a JSON array of RFC 3339 strings or Unix milliseconds, or fields 'timestamp0'..'timestamp{count - 1}'.");
        var times = new DateTimeOffset[count];
        var json = form["timestamps"].ToString();
        if (json.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != count) return (null, invalid);
                var i = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (!TryTime(element, out times[i++])) return (null, invalid);
                }
                return (times, null);
            }
            catch (JsonException)
            {
                return (null, invalid);
            }
        }
        for (var i = 0; i < count; i++)
        {
            if (!TryParseTime(form[$"timestamp{i}"].ToString(), out times[i])) return (null, invalid);
        }
        return (times, null);
    }

    private static bool TryTime(JsonElement element, out DateTimeOffset time)
    {
        time = default;
        if (element.ValueKind == JsonValueKind.String) return TryParseTime(element.GetString(), out time);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var ms) || ms <= 0 || ms > MaxUnixMilliseconds) return false;
        time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    private const long MaxUnixMilliseconds = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

    // RFC 3339 needs an offset: a time without one is refused rather than guessed.
    private static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40) return false;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || parsed.Kind == DateTimeKind.Unspecified) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time);
    }

    private static string ActionName(LivenessAction action) => action switch
    {
        LivenessAction.TurnLeft => "turn_left",
        LivenessAction.TurnRight => "turn_right",
        LivenessAction.LookUp => "look_up",
        LivenessAction.LookDown => "look_down",
        LivenessAction.Blink => "blink",
        _ => action.ToString(),
    };
}
