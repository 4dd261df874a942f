using System.Security.Cryptography;
using EKyc.Biometrics.Recognition;
using EKyc.ReadModels.Evidence;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Biometrics;

/// <summary>Searches the stored face templates of other applicants (1:N).</summary>
internal interface IFaceTemplateIndex
{
    /// <summary>Applicants other than <paramref name="applicantId"/> with a template at or above the threshold, best first.</summary>
    Task<IReadOnlyList<DuplicateFace>> FindAsync(Guid applicantId, float[] embedding, float threshold, CancellationToken cancellationToken);
}

/// <summary>An applicant whose stored face matched, and the best score among their templates.</summary>
internal sealed record DuplicateFace(Guid ApplicantId, float Score);

/// <summary>
/// The duplicate-face index: every <c>face_template</c> evidence row, decrypted once per silo and kept in memory, so a
/// search costs one listing query and a linear scan, not N decryptions. The listing is the truth on every search: rows
/// that went (erasure) leave the cache, new rows (from any silo) are opened and added.
/// <para>
/// Scaling limit: each search still lists every template row (ciphertext included, ~2.1 KB each) and scans every
/// cached template (512 floats), so cost and memory grow linearly: fine for tens of thousands of applicants, not for
/// millions. Beyond that, an approximate-nearest-neighbour index kept in step with the evidence store is needed, and
/// the listing must stop returning ciphertext already cached. The listing is capped at
/// <see cref="FaceCheckOptions.DuplicateSearchLimit"/>, oldest first: past the cap the newest templates are not
/// searched, which is logged as a warning on every search.
/// </para>
/// </summary>
internal sealed partial class FaceTemplateIndex(EvidenceTable table, EvidenceVault vault, IOptions<FaceCheckOptions> options, ILogger<FaceTemplateIndex> logger)
    : IFaceTemplateIndex, IDisposable
{
    public const string Kind = "face_template";

    private readonly Dictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<DuplicateFace>> FindAsync(Guid applicantId, float[] embedding, float threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
            var best = new Dictionary<Guid, float>();
            foreach (var entry in _cache.Values)
            {
                if (entry.ApplicantId == applicantId || entry.Embedding is not { } other || other.Length != embedding.Length) continue;
                var score = Embeddings.Cosine(embedding, other);
                if (score >= threshold && (!best.TryGetValue(entry.ApplicantId, out var previous) || score > previous)) best[entry.ApplicantId] = score;
            }
            return [.. best.Select(b => new DuplicateFace(b.Key, b.Value)).OrderByDescending(d => d.Score)];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.DuplicateSearchLimit;
        var rows = await table.ListByKindAsync(Kind, limit, cancellationToken);
        if (rows.Count >= limit) LogLimitReached(logger, limit);

        var listed = rows.Select(r => r.EvidenceId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _cache.Keys.Where(k => !listed.Contains(k)).ToList()) _cache.Remove(gone);

        var opened = 0;
        foreach (var row in rows)
        {
            if (_cache.ContainsKey(row.EvidenceId) || !Guid.TryParse(row.ApplicantId, out var applicant)) continue;
            float[]? embedding = null;
            try
            {
                // The vault re-reads the row to open it: once per template per silo, then it is cached.
                var stored = await vault.GetAsync(applicant, row.EvidenceId, cancellationToken);
                embedding = stored is null ? null : FaceTemplate.TryRead(stored.Content);
            }
            catch (CryptographicException)
            {
                LogUnreadable(logger, row.EvidenceId);
            }
            // An unreadable template is remembered as such, so it is not reopened on every search.
            _cache[row.EvidenceId] = new Entry(applicant, embedding);
            opened++;
        }
        if (opened > 0) LogOpened(logger, opened, _cache.Count);
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Entry(Guid ApplicantId, float[]? Embedding);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Duplicate-face search read its limit of {Limit} templates: newer templates were not searched; raise Biometrics:DuplicateSearchLimit or move to an ANN index")]
    private static partial void LogLimitReached(ILogger logger, int limit);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Face template {EvidenceId} could not be opened and is left out of duplicate searches")]
    private static partial void LogUnreadable(ILogger logger, string evidenceId);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug, Message = "Duplicate-face index opened {Opened} new template(s); {Cached} cached")]
    private static partial void LogOpened(ILogger logger, int opened, int cached);
}
