using System.Net.Http.Json;
using System.Text;
using EKyc.Integration.Tests.Support;
using EKyc.Security;
using Microsoft.Data.Sqlite;

namespace EKyc.Integration.Tests.Http;

/// <summary>What reaches the disk: no personal data in the clear, and keys that can rotate online.</summary>
public sealed class EncryptionAtRestTests
{
    private static readonly string[] Pii = ["Ada Maria", "Testperson", "ada.testperson@example.org", "+441632960123"];

    [Fact]
    public async Task The_database_files_hold_no_plaintext_personal_data_after_an_onboarding()
    {
        var dataDir = EmbeddedApp.NewDataDirectory();
        await using (var app = new EmbeddedApp(dataDir))
        {
            var http = app.CreateClient();
            var id = await ApiScenario.CreateApplicantAsync(http);
            await ApiScenario.ConsentAsync(http, id);
            await ApiScenario.LinkAsync(http, id, "acct-dump");
            Assert.Equal("Ada Maria", (await ApiScenario.GetAsync(http, $"/v1/applicants/{id}"))["givenNames"].Text());
        }
        SqliteConnection.ClearAllPools();

        // The main file and the write-ahead log, as raw bytes, in the encodings text could take.
        var files = Directory.EnumerateFiles(dataDir, "ekyc.db*").ToList();
        Assert.NotEmpty(files);
        var bytes = files.SelectMany(File.ReadAllBytes).ToArray();
        foreach (var value in Pii)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)));
        }
    }

    [Fact]
    public async Task Logs_at_every_level_carry_no_personal_data()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var http = app.CreateClient();
        var id = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, id);
        await ApiScenario.LinkAsync(http, id, "acct-logs");
        await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst("acct-logs", "evt-logs", DateTimeOffset.UtcNow.AddMinutes(-9)));
        await http.PostAsync("/v1/applicants", Json.Raw("{ broken"));

        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(app.Logs.Lines, l => l.Contains(id, StringComparison.Ordinal)); // ids are logged, so the check can fail
        foreach (var value in Pii) Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Rotating_the_key_rewraps_stored_state_which_stays_readable_without_the_old_key()
    {
        var dataDir = EmbeddedApp.NewDataDirectory();
        string id;
        await using (var app = new EmbeddedApp(dataDir))
        {
            var http = app.CreateClient();
            id = await ApiScenario.CreateApplicantAsync(http);
            await ApiScenario.ConsentAsync(http, id);
        }
        SqliteConnection.ClearAllPools();

        var keyDir = Path.Combine(dataDir, "keys");
        var keys = new FileKeyProvider(keyDir, createIfMissing: false);
        var oldKey = keys.Current.Id;
        keys.AddKey();
        await using (var connection = new SqliteConnection(EKyc.Storage.SqliteConnections.ForDataDirectory(dataDir)))
        {
            await connection.OpenAsync();
            var report = await KeyRotation.RewrapGrainStateAsync(connection, new EnvelopeCipher(keys), CancellationToken.None);
            Assert.True(report.Rewrapped > 0);
            Assert.Equal(report.Scanned, report.Rewrapped);
            var again = await KeyRotation.RewrapGrainStateAsync(connection, new EnvelopeCipher(keys), CancellationToken.None);
            Assert.Equal(again.Scanned, again.AlreadyCurrent);
        }
        SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(keyDir, $"{oldKey}.kek"));

        await using var restarted = new EmbeddedApp(dataDir);
        var view = await ApiScenario.GetAsync(restarted.CreateClient(), $"/v1/applicants/{id}");
        Assert.Equal("AwaitingDocuments", view["stage"].Text());
        Assert.Equal("Testperson", view["surname"].Text());
    }
}
