using EKyc.GrainInterfaces.Applicants;
using EKyc.Integration.Tests.Support;
using EKyc.ReadModels;
using EKyc.Silo.Hosting;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Orleans.TestingHost;

namespace EKyc.Integration.Tests.Cluster;

/// <summary>A real 2-silo cluster on PostgreSQL: membership, grain state and reminders through the ADO.NET providers.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task Grain_state_and_reminders_carry_on_when_a_silo_stops()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await new DatabaseSettings(DatabaseKind.Postgres, database.ConnectionString).MigrateAsync(TestContext.Current.CancellationToken);

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[PostgresSiloConfigurator.ConnectionKey] = database.ConnectionString;
        var keys = Path.Combine(Path.GetTempPath(), "ekyc-it-keys", Guid.NewGuid().ToString("N"));
        _ = new EKyc.Security.FileKeyProvider(keys, createIfMissing: true);
        builder.Properties[PostgresSiloConfigurator.KeysKey] = keys;
        builder.Properties["Verification:Reverification:HighRiskInterval"] = "00:00:12";
        builder.Properties["Verification:Reverification:CheckInterval"] = "00:00:02";
        builder.Properties["Screening:EuXmlFile"] = ScreeningLists.FormatSample;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var ids = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
            foreach (var id in ids)
            {
                var approved = await Onboarding.ApproveAsync(cluster.GrainFactory, id, RiskTier.High);
                Assert.NotNull(approved.NextReverificationAt);
            }

            // Stop a silo while the reminders are pending: its grains and reminders must carry on in the other.
            await cluster.StopSiloAsync(cluster.SecondarySilos[0]);

            var deadline = DateTime.UtcNow.AddSeconds(90);
            List<ApplicantView> views;
            do
            {
                await Task.Delay(1000, TestContext.Current.CancellationToken);
                views = [.. (await Task.WhenAll(ids.Select(id => cluster.GrainFactory.GetGrain<IApplicantGrain>(id).GetAsync()))).Select(v => v!)];
            }
            while (views.Any(v => v.Stage != VerificationStage.ReverificationDue) && DateTime.UtcNow < deadline);

            Assert.All(views, v =>
            {
                Assert.Equal(VerificationStage.ReverificationDue, v.Stage);
                Assert.Equal(ReverificationSource.PeriodicSchedule, v.ReverificationReason);
                Assert.Equal(["registered", "consent_given", "capture_started", "document_step_completed", "selfie_step_completed",
                    "background_checks_completed", "reverification_required"], v.History.Select(h => h.Trigger));
                Assert.Equal(ActorKind.Schedule, v.History[^1].Actor.Kind);
            });
            await AssertNoPlaintextAsync(database.ConnectionString);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Every row of every table, as PostgreSQL renders it (bytea as hex), holds no personal data in the clear.</summary>
    private static async Task AssertNoPlaintextAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("orleansstorage", tables);
        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new Npgsql.NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync()) dump.AppendLine(reader.GetString(0));
        }
        var text = dump.ToString();
        foreach (var value in new[] { "Ada Maria", "Testperson", "ada.testperson@example.org", "+441632960123" })
        {
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(value)), text, StringComparison.Ordinal);
        }
    }
}
