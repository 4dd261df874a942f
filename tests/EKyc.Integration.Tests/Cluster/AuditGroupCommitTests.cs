using EKyc.Integration.Tests.Support;
using EKyc.ReadModels;
using EKyc.ReadModels.Audit;
using EKyc.Silo.Hosting;

namespace EKyc.Integration.Tests.Cluster;

/// <summary>
/// Two processes' audit trails (two silos) appending at once on one PostgreSQL: group commit batches each side's
/// entries, the advisory lock orders the batches, and the result is one intact chain with every entry once.
/// </summary>
public sealed class AuditGroupCommitTests
{
    [Fact]
    public async Task Concurrent_appends_from_two_silos_form_one_intact_chain()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        var settings = new DatabaseSettings(DatabaseKind.Postgres, database.ConnectionString);
        await settings.MigrateAsync(TestContext.Current.CancellationToken);
        await using var silo1 = new AuditTrail(settings.ReadModels());
        await using var silo2 = new AuditTrail(settings.ReadModels());

        const int PerSilo = 400;
        var at = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var appends = Enumerable.Range(0, PerSilo * 2).Select(i =>
            (i % 2 == 0 ? silo1 : silo2).AppendAsync(new AuditEntry(at, "System", "test", "test.append", "subject", $"s{i}", $"n={i}"), CancellationToken.None));
        var sequences = await Task.WhenAll(appends);

        // Every caller got its own sequence number, and the numbers are exactly 1..N.
        Assert.Equal(Enumerable.Range(1, PerSilo * 2).Select(i => (long)i), sequences.Order());
        var (count, firstBreak) = await silo1.VerifyAsync(CancellationToken.None);
        Assert.Equal(PerSilo * 2, count);
        Assert.Null(firstBreak);
        // Each entry is the one its caller wrote (sequence ↔ subject), not a neighbour's.
        for (var i = 0; i < 10; i++)
        {
            var record = Assert.Single(await silo2.ForSubjectAsync("subject", $"s{i}", CancellationToken.None));
            Assert.Equal(sequences[i], record.Seq);
        }
    }
}
