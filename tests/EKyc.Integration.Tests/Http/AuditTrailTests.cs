using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EKyc.Integration.Tests.Support;
using EKyc.ReadModels.Audit;
using Microsoft.Data.Sqlite;

namespace EKyc.Integration.Tests.Http;

/// <summary>The audit trail records state changes, decisions, flags and reads of personal data, and shows tampering.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Onboarding_flagging_and_reads_are_recorded_in_an_intact_chain_and_an_edit_breaks_it()
    {
        var dataDir = EmbeddedApp.NewDataDirectory();
        string id;
        await using (var app = new EmbeddedApp(dataDir))
        {
            var http = app.CreateClient();
            id = await ApiScenario.CreateApplicantAsync(http);
            await ApiScenario.ConsentAsync(http, id);
            await ApiScenario.LinkAsync(http, id, "acct-audit");
            await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst("acct-audit", "evt-audit", DateTimeOffset.UtcNow.AddMinutes(-9)));
            await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");

            var entries = (await http.GetFromJsonAsync<JsonArray>($"/v1/audit/applicant/{id}"))!;
            var actions = entries.Select(e => e!["entry"]!["action"].Text()).ToList();
            Assert.Equal(["applicant.registered", "applicant.transition", "applicant.transition", "applicant.account_linked", "applicant.transition", "applicant.pii_read"], actions);
            Assert.Contains("to=ReverificationDue", entries[4]!["entry"]!["details"].Text(), StringComparison.Ordinal);
            var account = (await http.GetFromJsonAsync<JsonArray>("/v1/audit/account/acct-audit"))!;
            Assert.Contains(account, e => e!["entry"]!["action"].Text() == "account.flag_raised");

            var verification = await ApiScenario.GetAsync(http, "/v1/audit/verification");
            Assert.True(verification["intact"]!.GetValue<bool>());
            Assert.True(verification["records"]!.GetValue<long>() >= 7);
        }

        // Someone edits history directly in the database: the chain shows where.
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection(EKyc.Storage.SqliteConnections.ForDataDirectory(dataDir)))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE ekyc_audit SET details = replace(details, 'ReverificationDue', 'Approved') WHERE seq = (SELECT max(seq) FROM ekyc_audit WHERE details LIKE '%to=ReverificationDue%')";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }
        SqliteConnection.ClearAllPools();
        await using (var app = new EmbeddedApp(dataDir))
        {
            var verification = await ApiScenario.GetAsync(app.CreateClient(), "/v1/audit/verification");
            Assert.False(verification["intact"]!.GetValue<bool>());
            Assert.NotNull(verification["firstBrokenSeq"]);
        }
    }

    [Fact]
    public void The_chain_rule_detects_edits_deletions_and_reordering()
    {
        var at = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var records = new List<AuditRecord>();
        var prev = AuditChain.Genesis;
        for (var seq = 1; seq <= 5; seq++)
        {
            var entry = new AuditEntry(at.AddSeconds(seq), "Client", "platform", "applicant.transition", "applicant", "a1", $"step={seq}");
            var hash = AuditChain.Hash(seq, entry, prev);
            records.Add(new AuditRecord(seq, entry, prev, hash));
            prev = hash;
        }
        Assert.Null(AuditChain.FirstBreak(records));

        var edited = records.ToList();
        edited[2] = edited[2] with { Entry = edited[2].Entry with { ActorId = "someone-else" } };
        Assert.Equal(3, AuditChain.FirstBreak(edited)!.Seq);

        var deleted = records.Where(r => r.Seq != 2).ToList();
        Assert.Equal(3, AuditChain.FirstBreak(deleted)!.Seq);

        var swapped = records.ToList();
        (swapped[3], swapped[4]) = (swapped[4], swapped[3]);
        Assert.Equal(5, AuditChain.FirstBreak(swapped)!.Seq);
    }
}
