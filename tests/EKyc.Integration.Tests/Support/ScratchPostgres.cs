using EKyc.TestSupport;
using Npgsql;

namespace EKyc.Integration.Tests.Support;

/// <summary>A fresh PostgreSQL database per test run, dropped afterwards, so runs never see each other's rows.</summary>
internal sealed class ScratchPostgres : IAsyncDisposable
{
    private readonly string _admin;

    private ScratchPostgres(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<ScratchPostgres> CreateAsync()
    {
        var admin = TestServers.PostgresOrSkip();
        var name = $"ekyc_it_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 30 };
        return new ScratchPostgres(admin, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
