using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EKyc.Biometrics.Liveness;
using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Liveness;
using EKyc.Grains;
using EKyc.Grains.Ports;
using EKyc.Integration.Tests.Support;
using EKyc.Silo.Biometrics;
using EKyc.TestSupport;
using EKyc.Verification.Checks;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EKyc.Integration.Tests.Http;

/// <summary>
/// The selfie step and challenge liveness through HTTP on the embedded default, plus the face checks called directly
/// where a genuine pair is needed (a document's own portrait is not a selfie). Faces come from
/// ../shared/data/faces/deepface with the labels of its identities.csv: img2, img4 and img10 are one person
/// ("Angelina"), img3 another ("Jennifer"); couple.jpg holds two people; spoof/silent_face/image_F2.jpg is a labelled
/// replay attack (a face shown on a tablet).
/// </summary>
public sealed class SelfieFlowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Test = new(ActorKind.Client, "test");

    // Specimen images are web-sized (about 600 px wide): accept them for the test, the default asks phones for more.
    private static readonly Dictionary<string, string?> SmallImages = new() { ["Documents:Intake:MinSide"] = "200" };

    private static byte[] FaceImage(string file) => File.ReadAllBytes(Path.Combine(SharedData.Require("faces/deepface"), file));

    private static readonly byte[] NotAnImage = "%PDF-1.7 not an image at all"u8.ToArray();
    private static readonly byte[] TruncatedPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    // ---- the selfie step through HTTP ----

    [Fact]
    public async Task A_selfie_after_a_specimen_passport_is_checked_stored_encrypted_and_decided()
    {
        ModelFiles.Require([.. ModelFiles.Ocr, .. ModelFiles.Faces]);
        var passport = await File.ReadAllBytesAsync(Path.Combine(SharedData.Require("documents"), "passporteye", "100_pass-cze2.jpg"));
        var selfie = FaceImage("img2.jpg");
        // Business time while the specimen passport was valid.
        var clock = new ManualClock(new DateTimeOffset(2015, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), SmallImages, clock);
        var http = app.CreateClient();
        var id = await ApplicantAsync(http);

        var upload = await http.PostAsync($"/v1/applicants/{id}/documents", DocumentForm(passport));
        Assert.True(upload.StatusCode == HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        Assert.Equal("AwaitingSelfie", (await ApiScenario.GetAsync(http, $"/v1/applicants/{id}"))["stage"].Text());

        var response = await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(selfie));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        // The specimen's portrait is not the person in the selfie: a fraud signal, so a person looks.
        Assert.Equal("ManualReview", applicant["stage"].Text());
        var codes = Codes(applicant);
        Assert.Contains("face_mismatch", codes);
        Assert.Contains("challenge_not_performed", codes);
        Assert.DoesNotContain("duplicate_face", codes);
        Assert.DoesNotContain("document_portrait_missing", codes);

        var evidence = (await http.GetFromJsonAsync<List<EvidenceItem>>($"/v1/applicants/{id}/evidence"))!;
        var stored = Assert.Single(evidence, e => e.Kind == "selfie");
        var template = Assert.Single(evidence, e => e.Kind == "face_template");
        Assert.Equal(selfie, await http.GetByteArrayAsync($"/v1/applicants/{id}/evidence/{stored.Id}"));
        var templateBytes = await http.GetByteArrayAsync($"/v1/applicants/{id}/evidence/{template.Id}");
        Assert.Equal(512, EKyc.Biometrics.Recognition.FaceTemplate.TryRead(templateBytes)!.Length);

        // At rest the selfie and the template are ciphertext.
        var database = await File.ReadAllBytesAsync(Directory.GetFiles(app.DataDirectory, "*.db").Single());
        Assert.Equal(-1, database.AsSpan().IndexOf(selfie.AsSpan(selfie.Length / 2, 64)));
        Assert.Equal(-1, database.AsSpan().IndexOf(templateBytes.AsSpan(100, 64)));
    }

    [Fact]
    public async Task The_same_face_under_a_second_applicant_goes_to_review_as_a_duplicate()
    {
        ModelFiles.Require(ModelFiles.Faces);
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), clock: clock);
        var http = app.CreateClient();
        var first = await ApplicantAtSelfieAsync(app, http);
        var second = await ApplicantAtSelfieAsync(app, http);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/v1/applicants/{first}/selfie", SelfieForm(FaceImage("img2.jpg")))).StatusCode);
        var firstView = await ApiScenario.GetAsync(http, $"/v1/applicants/{first}");
        Assert.DoesNotContain("duplicate_face", Codes(firstView));

        // Another photo of the same person, under another applicant.
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/v1/applicants/{second}/selfie", SelfieForm(FaceImage("img4.jpg")))).StatusCode);
        var secondView = await ApiScenario.GetAsync(http, $"/v1/applicants/{second}");
        Assert.Equal("ManualReview", secondView["stage"].Text());
        Assert.Contains("duplicate_face", Codes(secondView));

        // The check names the matching applicants (ids only), best first, through the silo's real index.
        var checks = app.Services.GetRequiredService<IFaceChecks>();
        var third = await checks.VerifySelfieAsync(new SelfieCheckRequest(Guid.NewGuid(), FaceImage("img10.jpg"), null, null), CancellationToken.None);
        var duplicate = Assert.Single(third.Results, r => r.CheckName == "duplicate_face");
        Assert.Equal(CheckOutcome.Fail, duplicate.Outcome);
        Assert.Equal(ReasonCategory.FraudSignal, Assert.Single(duplicate.Reasons).Category);
        var matched = duplicate.Facts["duplicate_applicant_ids"].Split(',');
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), matched.Order(StringComparer.Ordinal));
        Assert.True(duplicate.Score >= 0.40, $"score {duplicate.Score}");

        // A different person matches nobody.
        var other = await checks.VerifySelfieAsync(new SelfieCheckRequest(Guid.NewGuid(), FaceImage("img3.jpg"), null, null), CancellationToken.None);
        Assert.Equal(CheckOutcome.Pass, Assert.Single(other.Results, r => r.CheckName == "duplicate_face").Outcome);
    }

    [Fact]
    public async Task Bad_selfies_are_refused_with_stable_codes_and_store_nothing()
    {
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), new Dictionary<string, string?> { ["Api:MaxImageBytes"] = "4096" }, clock);
        var http = app.CreateClient();

        // At the document step a selfie is not expected: refused before any processing.
        var early = await ApplicantAsync(http);
        Assert.Equal((409, "wrong_step"), await Problem(await http.PostAsync($"/v1/applicants/{early}/selfie", SelfieForm(TruncatedPng))));
        Assert.Equal((409, "wrong_step"), await Problem(await http.PostAsync($"/v1/applicants/{early}/liveness", null)));

        var id = await ApplicantAtSelfieAsync(app, http);
        Assert.Equal((400, "image_unsupported_format"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(NotAnImage))));
        Assert.Equal((400, "image_corrupt"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(TruncatedPng))));
        Assert.Equal((413, "image_too_large"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(new byte[8192]))));
        Assert.Equal((400, "selfie_image_required"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", new MultipartFormDataContent { { new StringContent("x"), "note" } })));
        Assert.Equal((400, "invalid_liveness_session_id"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(TruncatedPng, "not-a-guid"))));
        Assert.Equal((404, "liveness_session_not_found"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(TruncatedPng, Guid.NewGuid().ToString()))));
        Assert.Equal((415, "multipart_required"), await Problem(await http.PostAsJsonAsync($"/v1/applicants/{id}/selfie", new { selfie = "aGVsbG8=" })));

        var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        Assert.Equal("AwaitingSelfie", applicant["stage"].Text());
        Assert.Equal(0, applicant["attempt"]!.GetValue<int>());
        Assert.Empty((await http.GetFromJsonAsync<List<EvidenceItem>>($"/v1/applicants/{id}/evidence"))!);
        Assert.Empty((await http.GetFromJsonAsync<List<EvidenceItem>>($"/v1/applicants/{early}/evidence"))!);
    }

    [Fact]
    public async Task When_a_challenge_is_required_a_selfie_without_a_session_is_refused()
    {
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), new Dictionary<string, string?> { ["Biometrics:RequireChallenge"] = "true" }, clock);
        var http = app.CreateClient();
        var id = await ApplicantAtSelfieAsync(app, http);

        Assert.Equal((400, "liveness_session_required"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(TruncatedPng))));
        // A session that was issued but never answered does not count either.
        var session = await StartSessionAsync(http, id);
        Assert.Equal((409, "liveness_session_incomplete"),
            await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(TruncatedPng, session.SessionId))));
        Assert.Empty((await http.GetFromJsonAsync<List<EvidenceItem>>($"/v1/applicants/{id}/evidence"))!);
        Assert.Equal("AwaitingSelfie", (await ApiScenario.GetAsync(http, $"/v1/applicants/{id}"))["stage"].Text());
    }

    // ---- challenge liveness through HTTP (refusal paths come before any image work: no faces needed) ----

    [Fact]
    public async Task A_challenge_is_random_bound_to_the_applicant_and_expires_in_business_time()
    {
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), clock: clock);
        var http = app.CreateClient();
        var id = await ApplicantAtSelfieAsync(app, http);
        var other = await ApplicantAtSelfieAsync(app, http);

        var a = await StartSessionAsync(http, id);
        var b = await StartSessionAsync(http, id);
        Assert.Equal(3, a.Actions.Length);
        Assert.Equal(3, a.Actions.Distinct().Count());
        Assert.All(a.Actions, action => Assert.Contains(action, (string[])["turn_left", "turn_right", "look_up", "look_down", "blink"]));
        Assert.Matches("^[0-9a-f]{32}$", a.Nonce);
        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.NotEqual(a.SessionId, b.SessionId);
        Assert.Equal(Start, a.IssuedAt);
        Assert.Equal(Start.AddMinutes(2), a.ExpiresAt);

        // Another applicant's session does not exist for this one.
        Assert.Equal((404, "liveness_session_not_found"),
            await Problem(await http.PostAsync($"/v1/applicants/{other}/liveness/{a.SessionId}/frames", FramesForm(a.Nonce, Times(Start, 3)))));

        // Past the expiry (business time), the answer is refused and the session cannot serve a selfie.
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal((409, "challenge_expired"),
            await Problem(await http.PostAsync($"/v1/applicants/{id}/liveness/{a.SessionId}/frames", FramesForm(a.Nonce, Times(Start.AddSeconds(30), 3)))));
        Assert.Equal((409, "challenge_expired"),
            await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(TruncatedPng, a.SessionId))));
    }

    [Fact]
    public async Task Wrong_nonce_reordered_frames_and_replays_are_refused_with_their_codes()
    {
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), clock: clock);
        var http = app.CreateClient();
        var id = await ApplicantAtSelfieAsync(app, http);
        var session = await StartSessionAsync(http, id);
        clock.Advance(TimeSpan.FromSeconds(10));
        var frames = $"/v1/applicants/{id}/liveness/{session.SessionId}/frames";

        // A wrong nonce changes nothing: the session can still be answered.
        Assert.Equal((400, "challenge_nonce_mismatch"), await Problem(await http.PostAsync(frames, FramesForm(new string('0', 32), Times(Start.AddSeconds(1), 3)))));

        // Malformed bodies are refused by the API before the session sees them.
        Assert.Equal((400, "too_many_frames"), await Problem(await http.PostAsync(frames, FramesForm(session.Nonce, Times(Start.AddSeconds(1), 13)))));
        Assert.Equal((400, "invalid_timestamps"), await Problem(await http.PostAsync(frames, FramesForm(session.Nonce, Times(Start.AddSeconds(1), 3), timestamps: "[\"2026-11-24T10:00:01\"]"))));
        Assert.Equal((400, "invalid_timestamps"), await Problem(await http.PostAsync(frames, FramesForm(session.Nonce, Times(Start.AddSeconds(1), 2), timestamps: "[\"2026-11-24T10:00:01\",\"2026-11-24T10:00:02\"]"))));
        Assert.Equal((400, "nonce_required"), await Problem(await http.PostAsync(frames, FramesForm("", Times(Start.AddSeconds(1), 3)))));
        Assert.Equal((400, "frames_required"), await Problem(await http.PostAsync(frames, FramesForm(session.Nonce, []))));

        // Frames sent out of their capture order: refused before any decoding, and the session is spent.
        var reordered = Times(Start.AddSeconds(1), 3).Reverse().ToArray();
        Assert.Equal((400, "frames_out_of_order"), await Problem(await http.PostAsync(frames, FramesForm(session.Nonce, reordered))));
        Assert.Equal((409, "challenge_replayed"), await Problem(await http.PostAsync(frames, FramesForm(session.Nonce, Times(Start.AddSeconds(1), 3)))));

        // Stale frames (recorded before the challenge existed) fail a fresh session the same way.
        var second = await StartSessionAsync(http, id);
        Assert.Equal((400, "frames_stale"),
            await Problem(await http.PostAsync($"/v1/applicants/{id}/liveness/{second.SessionId}/frames", FramesForm(second.Nonce, Times(Start.AddMinutes(-5), 3)))));

        // Unix milliseconds and per-frame fields are accepted forms of the times too (a third session, replayed twice).
        var third = await StartSessionAsync(http, id);
        var thirdFrames = $"/v1/applicants/{id}/liveness/{third.SessionId}/frames";
        var ms = Times(clock.GetUtcNow().AddSeconds(-1), 2).Reverse().Select(t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Assert.Equal((400, "frames_out_of_order"), await Problem(await http.PostAsync(thirdFrames, FramesForm(third.Nonce, Times(Start, 2), timestamps: $"[{string.Join(',', ms)}]"))));
        Assert.Equal((409, "challenge_replayed"), await Problem(await http.PostAsync(thirdFrames, FramesForm(third.Nonce, Times(clock.GetUtcNow(), 2), perFrameFields: true))));
    }

    [Fact]
    public async Task A_selfie_relies_on_a_session_once_and_a_failed_session_is_a_reason()
    {
        ModelFiles.Require(ModelFiles.Faces);
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), clock: clock);
        var http = app.CreateClient();
        var id = await ApplicantAtSelfieAsync(app, http);
        var session = await StartSessionAsync(http, id);
        clock.Advance(TimeSpan.FromSeconds(5));
        var reordered = Times(Start.AddSeconds(1), 3).Reverse().ToArray();
        Assert.Equal((400, "frames_out_of_order"), await Problem(await http.PostAsync($"/v1/applicants/{id}/liveness/{session.SessionId}/frames", FramesForm(session.Nonce, reordered))));

        // A group photo: the quality gate asks for a retake (and the session is used up by this attempt).
        var retry = await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(FaceImage("couple.jpg"), session.SessionId));
        Assert.True(retry.StatusCode == HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
        var view = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        Assert.Equal("AwaitingSelfie", view["stage"].Text());
        Assert.Contains("multiple_faces", Codes(view));
        Assert.Contains("Only you should be in the picture", view["guidance"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal((409, "challenge_replayed"), await Problem(await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(FaceImage("img2.jpg"), session.SessionId))));

        // A usable selfie naming a failed session: its codes become reasons (reordered frames: a person looks).
        var failed = await StartSessionAsync(http, id);
        Assert.Equal((400, "frames_stale"),
            await Problem(await http.PostAsync($"/v1/applicants/{id}/liveness/{failed.SessionId}/frames", FramesForm(failed.Nonce, Times(Start.AddMinutes(-10), 2)))));
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/v1/applicants/{id}/selfie", SelfieForm(FaceImage("img2.jpg"), failed.SessionId))).StatusCode);
        view = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        Assert.Equal("ManualReview", view["stage"].Text());
        Assert.Contains("frames_stale", Codes(view));
        Assert.DoesNotContain("challenge_not_performed", Codes(view));
    }

    [Fact]
    public async Task Static_photos_as_challenge_frames_fail_on_the_actions_and_a_spliced_face_is_named()
    {
        ModelFiles.Require(ModelFiles.Faces);
        var clock = new ManualClock(Start);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), clock: clock);
        var http = app.CreateClient();
        var id = await ApplicantAtSelfieAsync(app, http);

        var still = await StartSessionAsync(http, id);
        clock.Advance(TimeSpan.FromSeconds(5));
        var photo = FaceImage("img10.jpg");
        var response = await http.PostAsync($"/v1/applicants/{id}/liveness/{still.SessionId}/frames",
            FramesForm(still.Nonce, Times(Start.AddSeconds(1), 3), images: [photo, photo, photo]));
        var body = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Failed", body["status"].Text());
        Assert.False(body["passed"]!.GetValue<bool>());
        Assert.Contains(body["codes"]!.AsArray().Select(c => c!.GetValue<string>()), c => c.StartsWith("action_not_observed:", StringComparison.Ordinal));
        Assert.Equal((409, "challenge_replayed"), await Problem(await http.PostAsync($"/v1/applicants/{id}/liveness/{still.SessionId}/frames",
            FramesForm(still.Nonce, Times(Start.AddSeconds(1), 3), images: [photo, photo, photo]))));

        // A frame of another person in the middle of the sequence.
        var spliced = await StartSessionAsync(http, id);
        clock.Advance(TimeSpan.FromSeconds(5));
        response = await http.PostAsync($"/v1/applicants/{id}/liveness/{spliced.SessionId}/frames",
            FramesForm(spliced.Nonce, Times(spliced.IssuedAt.AddSeconds(1), 3), images: [photo, FaceImage("img3.jpg"), photo]));
        body = await response.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ChallengeCodes.FaceChanged, body["codes"]!.AsArray().Select(c => c!.GetValue<string>()));

        // An undecodable frame is refused as input and leaves the session open.
        var open = await StartSessionAsync(http, id);
        clock.Advance(TimeSpan.FromSeconds(5));
        var frames = $"/v1/applicants/{id}/liveness/{open.SessionId}/frames";
        Assert.Equal((400, "image_unsupported_format"), await Problem(await http.PostAsync(frames, FramesForm(open.Nonce, Times(open.IssuedAt.AddSeconds(1), 2), images: [photo, NotAnImage]))));
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(frames, FramesForm(open.Nonce, Times(open.IssuedAt.AddSeconds(1), 2), images: [photo, photo]))).StatusCode);
    }

    // ---- the face checks called directly, with labelled pairs ----

    [Fact]
    public async Task A_genuine_pair_matches_an_impostor_pair_does_not_and_spoofs_and_group_photos_are_caught()
    {
        var models = ModelFiles.Require(ModelFiles.Faces);
        var index = new StubIndex();
        using var engine = new FaceEngine(Options.Create(new ModelsOptions { Directory = models }));
        using var service = new FaceCheckService(Options.Create(new FaceCheckOptions()), engine, index, new DomainClock(new ManualClock(Start)), NullLogger<FaceCheckService>.Instance);
        var applicant = Guid.NewGuid();

        // Same labelled identity: the portrait img4 and the selfie img2.
        var genuine = await service.VerifySelfieAsync(new SelfieCheckRequest(applicant, FaceImage("img2.jpg"), FaceImage("img4.jpg"), null), CancellationToken.None);
        var match = Assert.Single(genuine.Results, r => r.CheckName == "face_match");
        Assert.Equal(CheckOutcome.Pass, match.Outcome);
        Assert.True(match.Score >= 0.40, $"genuine pair scored {match.Score}");
        Assert.Equal("faceplugin-face-recognition-js@0.0.1/fr_feature.onnx", match.ModelVersion);
        Assert.All(genuine.Results, r => Assert.Equal(VerificationStep.Selfie, r.Step));
        Assert.All(genuine.Results.Where(r => r.CheckName != "challenge_liveness"), r => Assert.Equal(CheckOutcome.Pass, r.Outcome));
        Assert.Equal(["selfie", "face_template"], genuine.Evidence.Select(e => e.Kind));
        Assert.Equal(applicant, Assert.Single(index.Searches));

        // Different identities: the portrait img3 (another person).
        var impostor = await service.VerifySelfieAsync(new SelfieCheckRequest(applicant, FaceImage("img2.jpg"), FaceImage("img3.jpg"), null), CancellationToken.None);
        var mismatch = Assert.Single(impostor.Results, r => r.CheckName == "face_match");
        Assert.Equal(CheckOutcome.Fail, mismatch.Outcome);
        Assert.True(mismatch.Score < 0.40, $"impostor pair scored {mismatch.Score}");
        Assert.Equal(new ReasonCode("face_mismatch", ReasonCategory.FraudSignal), Assert.Single(mismatch.Reasons));

        // No portrait stored: inconclusive, a person decides.
        var noPortrait = await service.VerifySelfieAsync(new SelfieCheckRequest(applicant, FaceImage("img2.jpg"), null, null), CancellationToken.None);
        var undecided = Assert.Single(noPortrait.Results, r => r.CheckName == "face_match");
        Assert.Equal(CheckOutcome.Inconclusive, undecided.Outcome);
        Assert.Equal("document_portrait_missing", Assert.Single(undecided.Reasons).Code);

        // A labelled replay attack (a face on a tablet) passes the quality gate but not passive liveness.
        var spoof = await service.VerifySelfieAsync(
            new SelfieCheckRequest(applicant, await File.ReadAllBytesAsync(Path.Combine(SharedData.Require("spoof/silent_face"), "image_F2.jpg")), null, null), CancellationToken.None);
        var liveness = Assert.Single(spoof.Results, r => r.CheckName == "passive_liveness");
        Assert.Equal(CheckOutcome.Fail, liveness.Outcome);
        Assert.Equal(new ReasonCode("liveness_spoof_suspected", ReasonCategory.FraudSignal), Assert.Single(liveness.Reasons));
        Assert.True(liveness.Score < 0.3);

        // A group photo: only the quality verdict, each issue retryable with its instruction; no template kept.
        var group = await service.VerifySelfieAsync(new SelfieCheckRequest(applicant, FaceImage("couple.jpg"), FaceImage("img4.jpg"), null), CancellationToken.None);
        var quality = Assert.Single(group.Results);
        Assert.Equal("selfie_quality", quality.CheckName);
        Assert.Contains(new ReasonCode("multiple_faces", ReasonCategory.Retryable, "Only you should be in the picture"), quality.Reasons);
        Assert.All(quality.Reasons, r => Assert.Equal(ReasonCategory.Retryable, r.Category));
        Assert.Equal(["selfie"], group.Evidence.Select(e => e.Kind));

        // The duplicate index's answer becomes a fraud signal naming the other applicant.
        var twin = Guid.NewGuid();
        index.Answer = [new DuplicateFace(twin, 0.83f)];
        var duplicate = await service.VerifySelfieAsync(new SelfieCheckRequest(applicant, FaceImage("img2.jpg"), FaceImage("img4.jpg"), null), CancellationToken.None);
        var dup = Assert.Single(duplicate.Results, r => r.CheckName == "duplicate_face");
        Assert.Equal(CheckOutcome.Fail, dup.Outcome);
        Assert.Equal(twin.ToString(), dup.Facts["duplicate_applicant_ids"]);
        Assert.Equal(ReasonCategory.FraudSignal, Assert.Single(dup.Reasons).Category);
    }

    [Fact]
    public async Task A_passed_challenge_binds_the_selfie_to_the_face_that_performed_it()
    {
        var models = ModelFiles.Require(ModelFiles.Faces);
        using var engine = new FaceEngine(Options.Create(new ModelsOptions { Directory = models }));
        using var service = new FaceCheckService(Options.Create(new FaceCheckOptions()), engine, new StubIndex(), new DomainClock(new ManualClock(Start)), NullLogger<FaceCheckService>.Instance);
        var performer = engine.Analyzer.Analyze(FaceImage("img10.jpg")).MainFace!.Embedding;
        var template = EKyc.Biometrics.Recognition.FaceTemplate.ToBytes(performer);

        var same = await service.VerifySelfieAsync(new SelfieCheckRequest(Guid.NewGuid(), FaceImage("img2.jpg"), null, new ChallengeEvidence(true, [], template)), CancellationToken.None);
        var bound = Assert.Single(same.Results, r => r.CheckName == "challenge_liveness");
        Assert.Equal(CheckOutcome.Pass, bound.Outcome);
        Assert.Empty(bound.Reasons);

        var other = await service.VerifySelfieAsync(new SelfieCheckRequest(Guid.NewGuid(), FaceImage("img3.jpg"), null, new ChallengeEvidence(true, [], template)), CancellationToken.None);
        var unbound = Assert.Single(other.Results, r => r.CheckName == "challenge_liveness");
        Assert.Equal(CheckOutcome.Fail, unbound.Outcome);
        Assert.Equal(new ReasonCode("liveness_face_mismatch", ReasonCategory.FraudSignal), Assert.Single(unbound.Reasons));

        var failed = await service.VerifySelfieAsync(new SelfieCheckRequest(Guid.NewGuid(), FaceImage("img2.jpg"), null,
            new ChallengeEvidence(false, ["action_not_observed:blink", "face_changed_between_frames"], null)), CancellationToken.None);
        var reasons = Assert.Single(failed.Results, r => r.CheckName == "challenge_liveness").Reasons;
        Assert.Equal(ReasonCategory.Retryable, reasons.Single(r => r.Code == "action_not_observed:blink").Category);
        Assert.Equal(ReasonCategory.FraudSignal, reasons.Single(r => r.Code == "face_changed_between_frames").Category);
    }

    [Fact]
    public void The_contract_codes_and_actions_are_the_face_library_s()
    {
        Assert.Equal(ChallengeCodes.Replayed, LivenessErrors.Replayed);
        Assert.Equal(ChallengeCodes.Expired, LivenessErrors.Expired);
        Assert.Equal(
            Enum.GetNames<ChallengeAction>(),
            Enum.GetValues<LivenessAction>().Select(a => FaceCheckService.ToChallengeAction(a).ToString()));
    }

    // ---- helpers ----

    private static async Task<string> ApplicantAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/v1/applicants", new { givenNames = "Vzor", surname = "Specimen", email = "specimen@example.org", phone = "+441632960123", riskTier = "Low" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["applicantId"].Text();
        await ApiScenario.ConsentAsync(http, id);
        return id;
    }

    /// <summary>An applicant whose document step passed (without a portrait): the selfie is next.</summary>
    private static async Task<string> ApplicantAtSelfieAsync(EmbeddedApp app, HttpClient http)
    {
        var id = await ApplicantAsync(http);
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(Guid.Parse(id));
        var passed = CheckResult.Passed("document", "test", VerificationStep.Document, Start);
        var view = await grain.CompleteStepAsync(VerificationStep.Document, [passed], $"doc-{id}", Test);
        Assert.Equal(VerificationStage.AwaitingSelfie, view.Value!.Stage);
        return id;
    }

    private static async Task<Challenge> StartSessionAsync(HttpClient http, string id)
    {
        var response = await http.PostAsync($"/v1/applicants/{id}/liveness", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<Challenge>(body, Json.Web)!;
    }

    private static DateTimeOffset[] Times(DateTimeOffset first, int count) =>
        [.. Enumerable.Range(0, count).Select(i => first.AddMilliseconds(250 * i))];

    private static MultipartFormDataContent DocumentForm(byte[] front)
    {
        var form = new MultipartFormDataContent { { new StringContent("passport"), "documentType" } };
        form.Add(new ByteArrayContent(front), "front", "front.jpg");
        return form;
    }

    private static MultipartFormDataContent SelfieForm(byte[] selfie, object? sessionId = null)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(selfie);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "selfie", "selfie.jpg");
        if (sessionId is not null) form.Add(new StringContent(sessionId.ToString()!), "livenessSessionId");
        return form;
    }

    /// <summary>Frames with their times; without images, junk bytes (refusals before decoding never look at them).</summary>
    private static MultipartFormDataContent FramesForm(string nonce, DateTimeOffset[] times, byte[][]? images = null, string? timestamps = null, bool perFrameFields = false)
    {
        var form = new MultipartFormDataContent { { new StringContent(nonce), "nonce" } };
        for (var i = 0; i < times.Length; i++)
        {
            form.Add(new ByteArrayContent(images?[i] ?? NotAnImage), $"frame{i}", $"frame{i}.jpg");
            if (perFrameFields) form.Add(new StringContent(times[i].ToString("O", CultureInfo.InvariantCulture)), $"timestamp{i}");
        }
        if (!perFrameFields)
        {
            form.Add(new StringContent(timestamps ?? JsonSerializer.Serialize(times.Select(t => t.ToString("O", CultureInfo.InvariantCulture)))), "timestamps");
        }
        return form;
    }

    private static string[] Codes(JsonObject applicant) => [.. applicant["reasonCodes"]!.AsArray().Select(c => c!.GetValue<string>())];

    private static async Task<(int, string?)> Problem(HttpResponseMessage response)
    {
        var (status, code, _) = await response.ProblemAsync();
        return (status, code);
    }

    private sealed record EvidenceItem(string Id, string Kind, DateTimeOffset StoredAt);

    private sealed record Challenge(Guid SessionId, string Nonce, string[] Actions, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

    private sealed class StubIndex : IFaceTemplateIndex
    {
        public List<Guid> Searches { get; } = [];

        public IReadOnlyList<DuplicateFace> Answer { get; set; } = [];

        public Task<IReadOnlyList<DuplicateFace>> FindAsync(Guid applicantId, float[] embedding, float threshold, CancellationToken cancellationToken)
        {
            Searches.Add(applicantId);
            return Task.FromResult(Answer);
        }
    }
}
