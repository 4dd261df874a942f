using System.ComponentModel.DataAnnotations;
using EKyc.ReadModels;

namespace EKyc.Silo.Hosting;

/// <summary>How this process runs and where its data lives; section <c>EKyc</c>.</summary>
public sealed class HostingOptions : IValidatableObject
{
    public HostMode Mode { get; set; } = HostMode.Embedded;

    /// <summary>Sqlite (embedded default, single silo only) or Postgres (required for a cluster).</summary>
    public DatabaseKind Storage { get; set; } = DatabaseKind.Sqlite;

    /// <summary>Where the SQLite file (and later keys and images) live; created if missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>SQLite commit durability for grain state: Normal (WAL, crash-safe) or Full (fsync every commit).</summary>
    public EKyc.Storage.SqliteSynchronous SqliteSynchronous { get; set; } = EKyc.Storage.SqliteSynchronous.Normal;

    /// <summary>Npgsql connection string when <see cref="Storage"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; set; }

    [Required, RegularExpression("^[a-z0-9-]{1,64}$")]
    public string ClusterId { get; set; } = "ekyc";

    [Required, RegularExpression("^[a-z0-9-]{1,64}$")]
    public string ServiceId { get; set; } = "ekyc";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Smallest reminder period and how often the reminder table is re-read. Orleans' defaults (1 minute and
    /// more) suit production; tests lower them to see schedules fire within seconds.</summary>
    public TimeSpan? ReminderMinimumPeriod { get; set; }

    public TimeSpan? ReminderRefreshPeriod { get; set; }

    /// <summary>
    /// Running as pods on Kubernetes (Silo mode): Orleans takes the silo's address and cluster identity from the pod
    /// (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID) and removes silos whose pods are gone.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>Apply the database schema at start (on by default; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage == DatabaseKind.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
            yield return new ValidationResult("EKyc:PostgresConnectionString is required when EKyc:Storage is Postgres.", [nameof(PostgresConnectionString)]);
        if (Mode != HostMode.Embedded && Storage != DatabaseKind.Postgres)
            yield return new ValidationResult("Cluster modes (Silo, Api) need EKyc:Storage=Postgres: SQLite cannot be shared between silos.", [nameof(Storage)]);
    }
}
