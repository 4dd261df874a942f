using System.Data.Common;
using System.Threading.Channels;
using Dapper;

namespace EKyc.ReadModels.Audit;

/// <summary>
/// Appends to and reads the audit chain. Appends are serialised by the database (an exclusive transaction on SQLite,
/// a transaction-scoped advisory lock on PostgreSQL) so every silo extends the same single chain. Within a process,
/// appends that arrive together are written in one transaction (group commit): one lock and one durable commit for
/// all of them, instead of one each, which is what bounded onboarding throughput on PostgreSQL. Each caller still
/// returns only once its own entry is committed.
/// </summary>
public sealed class AuditTrail(ReadModelDatabase database) : IAsyncDisposable
{
    private const long LockKey = 0x454B_5943_4155_4454; // "EKYCAUDT"
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _writer;

    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureWriter();
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        // The caller may stop waiting; the entry is written all the same (an audit record is never half-written).
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        lock (_startGate) _writer ??= Task.Run(WriteLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                var first = await AppendBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(first + i);
            }
            catch (Exception ex)
            {
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    private async Task<long> AppendBatchAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(batch);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is "40001" or "40P01" && attempt < 5)
            {
                // A serialization failure or deadlock rolled the batch back entirely: try again, chain intact.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt));
            }
        }
    }

    /// <summary>Appends the batch in order in one transaction; returns the first entry's sequence number.</summary>
    private async Task<long> AppendOnceAsync(List<Pending> batch)
    {
        var cancellationToken = CancellationToken.None;
        await using var connection = await database.OpenAsync(cancellationToken);
        // PostgreSQL: the advisory lock below orders every append, so read-committed suffices (serializable only adds
        // spurious conflicts under load). SQLite: one writer at a time; Serializable is its only real level.
        var isolation = database.Kind == DatabaseKind.Postgres ? System.Data.IsolationLevel.ReadCommitted : System.Data.IsolationLevel.Serializable;
        await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
        if (database.Kind == DatabaseKind.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_xact_lock({LockKey})", transaction: transaction, cancellationToken: cancellationToken));
        }
        var last = await connection.QueryFirstOrDefaultAsync<(long Seq, string Hash)?>(new CommandDefinition(
            "SELECT seq AS Seq, hash AS Hash FROM ekyc_audit ORDER BY seq DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
        var first = (last?.Seq ?? 0) + 1;
        var prev = last?.Hash ?? AuditChain.Genesis;
        var rows = new List<object>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i].Entry;
            var seq = first + i;
            var hash = AuditChain.Hash(seq, entry, prev);
            rows.Add(new
            {
                Seq = seq,
                At = entry.At.ToUnixTimeMilliseconds(),
                entry.ActorKind,
                entry.ActorId,
                entry.Action,
                entry.SubjectType,
                entry.SubjectId,
                entry.Details,
                Prev = prev,
                Hash = hash,
            });
            prev = hash;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO ekyc_audit (seq, at, actor_kind, actor_id, action, subject_type, subject_id, details, prev_hash, hash)
            VALUES (@Seq, @At, @ActorKind, @ActorId, @Action, @SubjectType, @SubjectId, @Details, @Prev, @Hash)
            """, rows, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return first;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is { } writer) await writer;
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource<long> Done);

    /// <summary>Verifies the whole chain in order; returns the number of records and the first break, if any.</summary>
    public async Task<(long Count, AuditRecord? FirstBreak)> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var count = 0L;
        var records = Read(connection, null, cancellationToken).Select(r => { count++; return r; });
        var broken = await Task.Run(() => AuditChain.FirstBreak(records), cancellationToken);
        return (count, broken);
    }

    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. Read(connection, (subjectType, subjectId), cancellationToken)];
    }

    private static IEnumerable<AuditRecord> Read(DbConnection connection, (string Type, string Id)? subject, CancellationToken ct)
    {
        var sql = """
            SELECT seq AS Seq, at AS At, actor_kind AS ActorKind, actor_id AS ActorId, action AS Action,
                   subject_type AS SubjectType, subject_id AS SubjectId, details AS Details, prev_hash AS PrevHash, hash AS Hash
            FROM ekyc_audit
            """ + (subject is null ? "" : " WHERE subject_type = @Type AND subject_id = @Id") + " ORDER BY seq";
        var rows = connection.Query<Row>(new CommandDefinition(sql, subject is { } s ? new { s.Type, s.Id } : null, cancellationToken: ct, flags: CommandFlags.None));
        return rows.Select(r => new AuditRecord(r.Seq,
            new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.ActorKind, r.ActorId, r.Action, r.SubjectType, r.SubjectId, r.Details),
            r.PrevHash, r.Hash));
    }

    private sealed class Row
    {
        public long Seq { get; set; }
        public long At { get; set; }
        public string ActorKind { get; set; } = "";
        public string ActorId { get; set; } = "";
        public string Action { get; set; } = "";
        public string SubjectType { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public string Details { get; set; } = "";
        public string PrevHash { get; set; } = "";
        public string Hash { get; set; } = "";
    }
}
