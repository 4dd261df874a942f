using System.Data.Common;
using EKyc.ReadModels;
using EKyc.ReadModels.Audit;
using EKyc.Security;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EKyc.Silo.Hosting;

/// <summary>
/// Operator commands run by the same binary with the same configuration: <c>audit verify</c> and
/// <c>keys rotate</c>. They print a short report and return a process exit code.
/// </summary>
public static class AdminCommands
{
    public static bool IsAdminCommand(string[] args) => args.Length >= 2 && args[0] is "audit" or "keys";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(args[2..]);
        var hosting = builder.Configuration.GetSection("EKyc").Get<HostingOptions>() ?? new HostingOptions();
        HostStartup.ValidateOrExit(hosting);
        var database = DatabaseSettings.From(hosting);
        await database.MigrateAsync(CancellationToken.None);
        var trail = new AuditTrail(database.ReadModels());

        switch ((args[0], args[1]))
        {
            case ("audit", "verify"):
            {
                var (count, broken) = await trail.VerifyAsync(CancellationToken.None);
                if (broken is null)
                {
                    Console.WriteLine($"audit chain intact: {count} record(s)");
                    return 0;
                }
                Console.WriteLine($"audit chain BROKEN at seq {broken.Seq} ({broken.Entry.Action} on {broken.Entry.SubjectType} {broken.Entry.SubjectId}); records before it are intact");
                return 3;
            }
            case ("keys", "rotate"):
            {
                var options = builder.Configuration.GetSection("Security:Keys").Get<KeyOptions>() ?? new KeyOptions();
                if (options.Source != KeySource.File)
                {
                    Console.Error.WriteLine("keys rotate adds a key to the key directory; with Security:Keys:Source=Environment, add the new key to the Secret, make it current, restart, then run 'keys rewrap'");
                    return 2;
                }
                var keys = new FileKeyProvider(Path.Combine(hosting.DataDirectory, options.Directory), createIfMissing: true);
                var previous = keys.Current.Id;
                var added = keys.AddKey();
                var report = await RewrapAsync(database, keys);
                await trail.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "Admin", Environment.UserName, "keys.rotated", "keys", added,
                    $"previous={previous};rewrapped={report.Rewrapped};skipped={report.SkippedConcurrentWrite}"), CancellationToken.None);
                Console.WriteLine($"new current key {added}; {report.Rewrapped} of {report.Scanned} record(s) re-wrapped, {report.SkippedConcurrentWrite} rewritten concurrently by grains; keep {previous} until a rerun reports 0 to re-wrap");
                return 0;
            }
            case ("keys", "rewrap"):
            {
                var options = builder.Configuration.GetSection("Security:Keys").Get<KeyOptions>() ?? new KeyOptions();
                var report = await RewrapAsync(database, options.CreateProvider(hosting));
                Console.WriteLine($"{report.Rewrapped} of {report.Scanned} record(s) re-wrapped to the current key, {report.AlreadyCurrent} already current");
                return 0;
            }
            default:
                Console.Error.WriteLine("usage: ekyc-silo audit verify | keys rotate | keys rewrap [--EKyc:Setting=value ...]");
                return 2;
        }
    }

    private static async Task<KeyRotation.Report> RewrapAsync(DatabaseSettings database, IKeyProvider keys)
    {
        await using DbConnection connection = database.Kind == DatabaseKind.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return await KeyRotation.RewrapGrainStateAsync(connection, new EnvelopeCipher(keys), CancellationToken.None);
    }
}
