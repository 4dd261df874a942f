using System.Collections.Immutable;
using System.Globalization;
using EKyc.Grains.Ports;
using EKyc.Screening.Loading;
using EKyc.Screening.Matching;
using EKyc.Screening.Model;
using EKyc.Verification.Checks;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Screening;

/// <summary>
/// Sanctions/PEP screening as a background check. The index is built once from the configured list files (thread-safe,
/// shared). A strong hit sends the case to a person; possible hits are recorded as notices with the decision; the
/// list versions and matcher version are recorded as the check's model version.
/// </summary>
internal sealed partial class SanctionsScreeningCheck(IOptions<ListFilesOptions> options, DomainClockAdapter clock, ILogger<SanctionsScreeningCheck> logger) : IBackgroundChecks
{
    public const string Name = "sanctions_screening";
    private readonly Lock _reload = new();
    private volatile Loaded? _loaded;

    private sealed record Loaded(ScreeningIndex? Index, string Versions, string Fingerprint);

    /// <summary>
    /// Rebuilds the index when a list file changed (size or modification time) since it was built; true when it did.
    /// Screening in flight keeps the index it started with.
    /// </summary>
    public bool ReloadIfChanged()
    {
        var fingerprint = Fingerprint(options.Value);
        lock (_reload)
        {
            if (_loaded is { } current && current.Fingerprint == fingerprint) return false;
            var first = _loaded is null;
            var (index, versions) = Build(options.Value, logger);
            _loaded = new Loaded(index, versions, fingerprint);
            return !first;
        }
    }

    private (ScreeningIndex? Index, string Versions) Current()
    {
        if (_loaded is null) ReloadIfChanged();
        return (_loaded!.Index, _loaded.Versions);
    }

    private static string Fingerprint(ListFilesOptions o)
    {
        var files = new List<string>();
        if (o.OfacDirectory is { Length: > 0 } dir && Directory.Exists(dir)) files.AddRange(Directory.GetFiles(dir).Order(StringComparer.Ordinal));
        if (o.UnXmlFile is { Length: > 0 } un) files.Add(un);
        if (o.EuXmlFile is { Length: > 0 } eu) files.Add(eu);
        return string.Join('|', files.Select(f => File.Exists(f) ? $"{f}:{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}" : $"{f}:absent"));
    }

    public Task<IReadOnlyList<CheckResult>> RunAsync(BackgroundSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = clock.Now;
        var (index, versions) = Current();
        if (index is null)
        {
            return Task.FromResult<IReadOnlyList<CheckResult>>([CheckResult.Undecided(Name, "1", VerificationStep.Background, now,
                new ReasonCode("screening_lists_unavailable", ReasonCategory.NeedsReview))]);
        }
        var result = index.Screen(new ScreeningQuery
        {
            FullName = $"{subject.GivenNames} {subject.Surname}",
            Type = EntryType.Individual,
            BirthDate = subject.BirthDate,
            Nationality = subject.Nationality,
        });
        var best = result.Hits.Count == 0 ? 0 : result.Hits.Max(h => h.Score);
        var check = result.HasStrongHit
            ? CheckResult.Failed(Name, result.MatcherVersion, VerificationStep.Background, now, new ReasonCode("sanctions_strong_match", ReasonCategory.NeedsReview))
            : CheckResult.Passed(Name, result.MatcherVersion, VerificationStep.Background, now) with
            {
                Reasons = result.Hits.Count > 0 ? [new ReasonCode("sanctions_possible_match", ReasonCategory.Notice)] : [],
            };
        check = check with
        {
            ModelVersion = versions,
            Score = best,
            // Which entries were hit (list ids, not names), so a reviewer can open them.
            Facts = result.Hits.Take(5).Select((h, i) => (i, h))
                .ToImmutableDictionary(x => $"hit_{x.i}", x => $"{x.h.Entry.Source}:{x.h.Entry.ListId}:{x.h.Score.ToString("0.000", CultureInfo.InvariantCulture)}:{x.h.Strength}"),
        };
        return Task.FromResult<IReadOnlyList<CheckResult>>([check]);
    }

    private static (ScreeningIndex?, string) Build(ListFilesOptions o, ILogger logger)
    {
        var loads = new List<ListLoadResult>();
        if (o.OfacDirectory is { Length: > 0 } ofac) loads.Add(OfacSdnLoader.Load(ofac));
        if (o.UnXmlFile is { Length: > 0 } un) loads.Add(UnConsolidatedLoader.Load(un));
        if (o.EuXmlFile is { Length: > 0 } eu) loads.Add(EuConsolidatedLoader.Load(eu));
        foreach (var failed in loads.Where(l => l.List is null)) LogListFailed(logger, failed.Error?.Code ?? "unknown");
        var lists = loads.Where(l => l.List is not null).Select(l => l.List!).ToList();
        if (lists.Count == 0) return (null, "");
        var index = ScreeningIndex.Build(lists);
        var versions = string.Join(';', lists.SelectMany(l => l.Versions).Select(v => v.ToString()));
        LogIndexBuilt(logger, lists.Sum(l => l.Entries.Count));
        return (index, versions.Length > 500 ? versions[..500] : versions);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "A screening list could not be loaded: {Code}")]
    private static partial void LogListFailed(ILogger logger, string code);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Screening index built over {Entries} list entries")]
    private static partial void LogIndexBuilt(ILogger logger, int entries);
}

/// <summary>Gives silo-side checks the business clock the grains use.</summary>
internal sealed class DomainClockAdapter(EKyc.Grains.DomainClock clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
}
