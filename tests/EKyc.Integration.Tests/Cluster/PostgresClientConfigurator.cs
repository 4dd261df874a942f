using EKyc.ReadModels;
using EKyc.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace EKyc.Integration.Tests.Cluster;

/// <summary>The test cluster's client finds the silos through the same PostgreSQL membership table.</summary>
public sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var database = new DatabaseSettings(DatabaseKind.Postgres, configuration[PostgresSiloConfigurator.ConnectionKey]!);
        clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = database.Invariant;
            o.ConnectionString = database.ConnectionString;
        });
    }
}
