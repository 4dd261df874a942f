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
        builder.Properties["Verification:Reverification:HighRiskInterval"] = "00:00:12";
        builder.Properties["Verification:Reverification:CheckInterval"] = "00:00:02";
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
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
