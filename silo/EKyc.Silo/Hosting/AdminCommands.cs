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
    public static bool IsAdminCommand(string[] args) => args.Length >= 1 && args[0] is "token" or "apikey" || args.Length >= 2 && args[0] is "audit" or "keys";

    /// <summary>
    /// <c>token --role R [--tenant T] [--subject S] [--hours H]</c>: a staff token from the local issuer;
    /// <c>apikey [--tenant T] [--name N] [--role client]</c>: a new API key and the configuration entry (hash) to add.
    /// </summary>
    private static int Credentials(string[] args, WebApplicationBuilder builder, HostingOptions hosting)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var tenant = Arg("--tenant", AuthBootstrap.DefaultTenant);
        if (args[0] == "apikey")
        {
            var key = AuthBootstrap.NewApiKey();
            Console.WriteLine(key);
            Console.Error.WriteLine($"Add to configuration (only the hash is stored): Auth:ApiKeys:<n>:Name={Arg("--name", "client")} Tenant={tenant} Role={Arg("--role", EKyc.Api.Security.Roles.Client)} Sha256={EKyc.Api.Security.ApiKeyHandler.Hash(key)}");
            return 0;
        }
        AuthBootstrap.Apply(builder, hosting);
        var options = builder.Configuration.GetSection("Auth").Get<EKyc.Api.Security.AuthOptions>() ?? new EKyc.Api.Security.AuthOptions();
        var role = Arg("--role", "");
        if (role is not (EKyc.Api.Security.Roles.Analyst or EKyc.Api.Security.Roles.Reviewer or EKyc.Api.Security.Roles.Auditor or EKyc.Api.Security.Roles.Admin or EKyc.Api.Security.Roles.Client))
        {
            Console.Error.WriteLine("token --role analyst|reviewer|auditor|admin|client [--tenant T|*] [--subject NAME] [--hours H]");
            return 2;
        }
        var hours = double.Parse(Arg("--hours", "8"), System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(new EKyc.Api.Security.TokenIssuer(options, TimeProvider.System).Issue(Arg("--subject", role), role, tenant, TimeSpan.FromHours(hours)));
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(args[0] is "token" or "apikey" ? [] : args[2..]);
        var hosting = builder.Configuration.GetSection("EKyc").Get<HostingOptions>() ?? new HostingOptions();
        HostStartup.ValidateOrExit(hosting);
        if (args[0] is "token" or "apikey") return Credentials(args, builder, hosting);
        var database = DatabaseSettings.From(hosting);
        await database.MigrateAsync(CancellationToken.None);
        await using var trail = new AuditTrail(database.ReadModels());

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
        var cipher = new EnvelopeCipher(keys);
        var state = await KeyRotation.RewrapGrainStateAsync(connection, cipher, CancellationToken.None);
        var evidence = await KeyRotation.RewrapEvidenceAsync(connection, cipher, CancellationToken.None);
        return new KeyRotation.Report(state.Scanned + evidence.Scanned, state.Rewrapped + evidence.Rewrapped,
            state.AlreadyCurrent + evidence.AlreadyCurrent, state.SkippedConcurrentWrite + evidence.SkippedConcurrentWrite);
    }
}
