using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EKyc.Integration.Tests.Support;
using EKyc.TestSupport;

namespace EKyc.Integration.Tests.Http;

/// <summary>Document capture through HTTP on the embedded default: a real specimen read end to end, and bad uploads.</summary>
public sealed class DocumentUploadTests
{
    // Specimen images are web-sized (about 600 px wide): accept them for the test, the default asks phones for more.
    private static readonly Dictionary<string, string?> SmallImages = new() { ["Documents:Intake:MinSide"] = "200" };

    private static MultipartFormDataContent Form(string type, byte[] front, byte[]? back = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(type), "documentType" } };
        var part = new ByteArrayContent(front);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "front", "front.jpg");
        if (back is not null) form.Add(new ByteArrayContent(back), "back", "back.jpg");
        return form;
    }

    private static async Task<string> ApplicantAsync(HttpClient http, string given, string surname, bool consent = true)
    {
        var created = await http.PostAsJsonAsync("/v1/applicants", new { givenNames = given, surname, email = "specimen@example.org", phone = "+441632960123", riskTier = "Low" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["applicantId"].Text();
        if (consent) await ApiScenario.ConsentAsync(http, id);
        return id;
    }

    [Fact]
    public async Task A_specimen_passport_is_read_stored_encrypted_and_moves_the_applicant_to_the_selfie()
    {
        ModelFiles.Require([.. ModelFiles.Ocr, .. ModelFiles.Faces]);
        var image = await File.ReadAllBytesAsync(Path.Combine(SharedData.Require("documents"), "passporteye", "100_pass-cze2.jpg"));
        // Business time while the specimen passport was valid.
        var clock = new ManualClock(new DateTimeOffset(2015, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), SmallImages, clock);
        var http = app.CreateClient();
        var id = await ApplicantAsync(http, "Vzor", "Specimen");

        var upload = await http.PostAsync($"/v1/applicants/{id}/documents", Form("passport", image));
        var body = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.StatusCode == HttpStatusCode.OK, body);
        var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        Assert.Equal("AwaitingSelfie", applicant["stage"].Text());

        var evidence = (await http.GetFromJsonAsync<List<EvidenceItem>>($"/v1/applicants/{id}/evidence"))!;
        var front = Assert.Single(evidence, e => e.Kind == "document_front");
        Assert.Contains(evidence, e => e.Kind == "document_portrait");
        var stored = await http.GetByteArrayAsync($"/v1/applicants/{id}/evidence/{front.Id}");
        Assert.Equal(image, stored);

        // At rest the image is ciphertext: its bytes appear nowhere in the database file.
        var database = await File.ReadAllBytesAsync(Directory.GetFiles(app.DataDirectory, "*.db").Single());
        Assert.Equal(-1, database.AsSpan().IndexOf(image.AsSpan(image.Length / 2, 64)));
    }

    [Fact]
    public async Task Bad_uploads_are_refused_with_stable_codes_and_change_nothing()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), new Dictionary<string, string?> { ["Api:MaxImageBytes"] = "4096" });
        var http = app.CreateClient();
        var id = await ApplicantAsync(http, "Ada Maria", "Testperson");

        var notImage = await http.PostAsync($"/v1/applicants/{id}/documents", Form("passport", "%PDF-1.7 not an image at all"u8.ToArray()));
        Assert.Equal((HttpStatusCode.BadRequest, "image_unsupported_format"), await Problem(notImage));

        var truncatedPng = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        Assert.Equal((HttpStatusCode.BadRequest, "image_corrupt"), await Problem(await http.PostAsync($"/v1/applicants/{id}/documents", Form("passport", truncatedPng))));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "image_too_large"), await Problem(await http.PostAsync($"/v1/applicants/{id}/documents", Form("passport", new byte[8192]))));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_document_type"), await Problem(await http.PostAsync($"/v1/applicants/{id}/documents", Form("library_card", truncatedPng))));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "multipart_required"),
            await Problem(await http.PostAsJsonAsync($"/v1/applicants/{id}/documents", new { documentType = "passport" })));

        var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        Assert.Equal("AwaitingDocuments", applicant["stage"].Text());
        Assert.Empty((await http.GetFromJsonAsync<List<EvidenceItem>>($"/v1/applicants/{id}/evidence"))!);

        var futureBirth = await http.PostAsJsonAsync("/v1/applicants", new { givenNames = "Ada Maria", surname = "Testperson", email = "specimen@example.org", phone = "+441632960123", birthDate = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_birth_date"), await Problem(futureBirth));

        // Before consent no document is expected: refused before any processing.
        var early = await ApplicantAsync(http, "Ada Maria", "Testperson", consent: false);
        Assert.Equal((HttpStatusCode.Conflict, "wrong_step"), await Problem(await http.PostAsync($"/v1/applicants/{early}/documents", Form("passport", truncatedPng))));
    }

    private static async Task<(HttpStatusCode, string?)> Problem(HttpResponseMessage response)
    {
        var (_, code, _) = await response.ProblemAsync();
        return (response.StatusCode, code);
    }

    private sealed record EvidenceItem(string Id, string Kind, DateTimeOffset StoredAt);
}
