using EKyc.Grains;
using EKyc.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using EKyc.ReadModels;
using EKyc.Storage;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace EKyc.Silo.Hosting;

/// <summary>
/// Orleans configuration shared by the host and the integration tests: the official ADO.NET providers for grain
/// state and reminders on SQLite or PostgreSQL, and database clustering for a real cluster.
/// </summary>
public static class OrleansSetup
{
    public static ISiloBuilder AddEkycStorage(this ISiloBuilder silo, DatabaseSettings database, IKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(database);
        var cipher = new EnvelopeCipher(keys);
        silo.Services.TryAddSingleton(keys);
        silo.Services.TryAddSingleton(cipher);
        silo.AddAdoNetGrainStorage(StorageNames.Grains, options => options.Configure<IServiceProvider>((o, services) =>
        {
            o.Invariant = database.Invariant;
            // SQLite gets a data source so per-connection pragmas apply to the provider's own connections.
            if (database.Kind == DatabaseKind.Sqlite) o.DataSource = new SqliteTunedDataSource(database.ConnectionString, database.SqliteSynchronous);
            else o.ConnectionString = database.ConnectionString;
            // Orleans' own binary format (version-tolerant through the [Id] contracts, and compact),
            // sealed in an envelope (AES-256-GCM, per-record data key) before it leaves the process.
            o.GrainStorageSerializer = new EncryptingGrainStorageSerializer(
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), cipher);
        }));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
        return silo;
    }

    /// <summary>
    /// The account-activity stream provider. Embedded: Orleans memory streams (in-process queues, nothing to run).
    /// Scaled out: NATS JetStream when <c>Streaming:Nats:Url</c> is set.
    /// </summary>
    public static ISiloBuilder AddEkycStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var nats = configuration.GetSection("Streaming:Nats");
        if (!string.IsNullOrWhiteSpace(nats["Url"]))
        {
            // Account streams are implicit subscriptions only: no pub-sub registry to keep in sync across silos. Account
            // grains checkpoint (Monitoring:Checkpoint), so a message is acknowledged when a checkpoint covers it.
            return silo.AddNatsStreams(EKyc.GrainInterfaces.Accounts.ActivityStreams.Provider,
                o => { nats.Bind(o); o.AcknowledgeOn = EKyc.Streaming.Nats.NatsAcknowledgement.ConsumerCheckpoint; },
                s => s.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
        }
        silo.AddMemoryStreams(EKyc.GrainInterfaces.Accounts.ActivityStreams.Provider, o => o.ConfigurePartitioning(8));
        // Implicit subscriptions need no pub-sub state, but the runtime resolves the store for any explicit use.
        silo.AddMemoryGrainStorage("PubSubStore");
        return silo;
    }

    public static IClientBuilder AddEkycStreams(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var nats = configuration.GetSection("Streaming:Nats");
        if (!string.IsNullOrWhiteSpace(nats["Url"]))
        {
            // An API-only process publishes straight to JetStream through the adapter, with the silos' options.
            return client.AddNatsStreams(EKyc.GrainInterfaces.Accounts.ActivityStreams.Provider,
                o => { nats.Bind(o); o.AcknowledgeOn = EKyc.Streaming.Nats.NatsAcknowledgement.ConsumerCheckpoint; },
                s => s.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
        }
        client.AddMemoryStreams(EKyc.GrainInterfaces.Accounts.ActivityStreams.Provider, o => o.ConfigurePartitioning(8));
        return client;
    }

    public static ISiloBuilder AddEkycClustering(this ISiloBuilder silo, HostingOptions options, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        if (options.Mode == HostMode.Embedded)
        {
            return silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
        silo.Configure<ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = options.ServiceId; });
        silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
        // Silos that died without saying goodbye are removed from the membership table after this long.
        silo.Configure<ClusterMembershipOptions>(o => o.DefunctSiloCleanupPeriod = TimeSpan.FromHours(1));
        // On Kubernetes the pod's identity replaces the configured endpoints; membership stays in PostgreSQL.
        if (options.Kubernetes) silo.UseKubernetesHosting();
        return silo;
    }

    public static IClientBuilder AddEkycClustering(this IClientBuilder client, HostingOptions options, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        client.Configure<ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = options.ServiceId; });
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
    }
}
