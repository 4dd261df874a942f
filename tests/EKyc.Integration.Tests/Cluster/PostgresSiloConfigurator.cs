using EKyc.ReadModels;
using EKyc.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace EKyc.Integration.Tests.Cluster;

/// <summary>
/// Configures each test silo exactly as the host does in cluster mode: ADO.NET clustering, grain state and reminders
/// on PostgreSQL, and the grains' services. Short schedule periods make reminders observable within seconds.
/// </summary>
public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionKey = "Test:Postgres";
    public const string KeysKey = "Test:KeyDirectory";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var database = new DatabaseSettings(DatabaseKind.Postgres, configuration[ConnectionKey]!);
        siloBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
        // Every silo of a cluster must share the key-encryption keys: here, one key directory for the test cluster.
        siloBuilder.AddEkycStorage(database, new EKyc.Security.FileKeyProvider(configuration[KeysKey]!, createIfMissing: false));
        siloBuilder.Configure<ReminderOptions>(o =>
        {
            o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
        });
        siloBuilder.Services.AddEkycGrainServices(configuration, database.ReadModels());
    }
}
