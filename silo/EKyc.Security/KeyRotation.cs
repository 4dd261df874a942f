using System.Data.Common;

namespace EKyc.Security;

/// <summary>
/// Online key rotation: after a new key-encryption key became current, every stored grain-state envelope still wrapped
/// by an older key gets its data key re-wrapped (the ciphertext is untouched). Each row is updated only if its version
/// is unchanged, so a grain writing at the same moment wins (its write already used the current key).
/// </summary>
public static class KeyRotation
{
    public sealed record Report(int Scanned, int Rewrapped, int AlreadyCurrent, int SkippedConcurrentWrite);

    public static async Task<Report> RewrapGrainStateAsync(DbConnection connection, EnvelopeCipher cipher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(cipher);
        var rows = new List<(long RowKey, int? Version, byte[] Payload)>();
        var postgres = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal);
        await using (var select = connection.CreateCommand())
        {
            // Row identity: SQLite's rowid; on PostgreSQL the natural key, addressed below through its hash columns.
            select.CommandText = postgres
                ? "SELECT GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId, Version, PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL"
                : "SELECT rowid, Version, PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
            if (postgres) return await RewrapPostgresAsync(connection, cipher, select, ct);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), (byte[])reader.GetValue(2)));
            }
        }

        int rewrapped = 0, current = 0, skipped = 0;
        foreach (var (key, version, payload) in rows)
        {
            var updated = cipher.Rewrap(payload);
            if (updated is null) { current++; continue; }
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE OrleansStorage SET PayloadBinary = @p WHERE rowid = @k AND Version IS @v";
            Add(update, "p", updated);
            Add(update, "k", key);
            Add(update, "v", (object?)version ?? DBNull.Value);
            if (await update.ExecuteNonQueryAsync(ct) == 1) rewrapped++; else skipped++;
        }
        return new Report(rows.Count, rewrapped, current, skipped);
    }

    /// <summary>
    /// The same for sealed evidence (images, portraits, templates): each row's data key is re-wrapped; the evidence
    /// is immutable once written, so no version check is needed.
    /// </summary>
    public static async Task<Report> RewrapEvidenceAsync(DbConnection connection, EnvelopeCipher cipher, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(cipher);
        var rows = new List<(string Id, byte[] Sealed)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT evidence_id, sealed FROM ekyc_evidence";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
        }
        int rewrapped = 0, current = 0, skipped = 0;
        foreach (var (id, sealedBytes) in rows)
        {
            var updated = cipher.Rewrap(sealedBytes);
            if (updated is null) { current++; continue; }
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE ekyc_evidence SET sealed = @p WHERE evidence_id = @k";
            Add(update, "p", updated);
            Add(update, "k", id);
            if (await update.ExecuteNonQueryAsync(ct) == 1) rewrapped++; else skipped++; // deleted meanwhile (erasure)
        }
        return new Report(rows.Count, rewrapped, current, skipped);
    }

    private static async Task<Report> RewrapPostgresAsync(DbConnection connection, EnvelopeCipher cipher, DbCommand select, CancellationToken ct)
    {
        var rows = new List<object[]>();
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(values);
            }
        }
        int rewrapped = 0, current = 0, skipped = 0;
        foreach (var r in rows)
        {
            var updated = cipher.Rewrap((byte[])r[8]);
            if (updated is null) { current++; continue; }
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE OrleansStorage SET PayloadBinary = @p
                WHERE GrainIdHash = @h AND GrainTypeHash = @t AND GrainIdN0 = @n0 AND GrainIdN1 = @n1
                  AND GrainTypeString = @ts AND GrainIdExtensionString = @ext AND ServiceId = @s AND Version = @v
                """;
            Add(update, "p", updated);
            Add(update, "h", r[0]);
            Add(update, "t", r[1]);
            Add(update, "n0", r[2]);
            Add(update, "n1", r[3]);
            Add(update, "ts", r[4]);
            Add(update, "ext", r[5]);
            Add(update, "s", r[6]);
            Add(update, "v", r[7]);
            if (await update.ExecuteNonQueryAsync(ct) == 1) rewrapped++; else skipped++;
        }
        return new Report(rows.Count, rewrapped, current, skipped);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
