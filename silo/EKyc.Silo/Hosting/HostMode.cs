namespace EKyc.Silo.Hosting;

public enum HostMode
{
    /// <summary>One process: a single silo with localhost clustering and the HTTP API.</summary>
    Embedded = 0,

    /// <summary>A cluster member: silo only, clustering through the database.</summary>
    Silo = 1,

    /// <summary>The HTTP API as an Orleans client of the cluster.</summary>
    Api = 2,
}
