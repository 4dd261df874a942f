using System.Collections.Immutable;
using EKyc.GrainInterfaces.Accounts;
using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Common;
using EKyc.Grains.Ports;
using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Flags;
using EKyc.Monitoring.Rules;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EKyc.Monitoring.Scoring;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace EKyc.Grains.Accounts;

/// <summary>
/// One account. Handles activity however it arrives (API batch or its activity stream): de-duplicate by event id,
/// update the rolling window, evaluate rules and the anomaly model, raise a flag and ask the linked applicant to
/// re-verify. A direct ingest writes state before it answers. Stream activity is checkpointed
/// (<see cref="CheckpointOptions"/>): the stream is the log between writes, and after each write the grain tells the
/// stream which messages the write covers (<see cref="IActivityCheckpoints"/>). A message redelivered after a crash
/// either finds its events in the written de-duplication ring or is applied for the first time.
/// </summary>
[ImplicitStreamSubscription(ActivityStreams.Namespace)]
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IOptions<WindowOptions> windowOptions,
    IOptions<RuleOptions> ruleOptions,
    IAccountProjection projection,
    IAuditLog audit,
    IOutbox outbox,
    IAnomalyScorer scorer,
    IOptions<RiskThresholds> riskOptions,
    IOptions<CheckpointOptions> checkpointOptions,
    IActivityCheckpoints checkpoints,
    DomainClock clock,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain, IStreamSubscriptionObserver, IAsyncObserver<ActivityBatchMessage>
{
    private const int MaxScorePoints = 500;
    private const string AnomalyRule = "anomaly_score";
    private readonly RuleEngine _rules = new(ruleOptions.Value);
    private AccountState S => state.State;
    // Stream progress not yet written: events applied, when the first of them was, and the positions to acknowledge.
    private int _unsavedEvents;
    private long _unsavedSince;
    private readonly List<StreamSequenceToken> _uncommitted = [];
    private StreamId? _stream;
    private IGrainTimer? _checkpointTimer;
    // The grain key is "{tenant}/{account id}" (see AccountKeys): the platform's id is what callers see.
    private string GrainKey => this.GetPrimaryKeyString();

    private string AccountId => AccountKeys.AccountIdOf(GrainKey);

    public async Task<CommandResult<AccountView>> LinkAsync(Guid applicantId)
    {
        if (S.ApplicantId == applicantId) return Ok();
        if (S.ApplicantId is not null)
            return CommandResult<AccountView>.Fail(ErrorKind.Conflict, "account_linked_elsewhere", "This account is already linked to another applicant.");
        S.ApplicantId = applicantId;
        S.Version++;
        await SaveAsync();
        await ProjectAsync();
        return Ok();
    }

    public async Task<CommandResult<IngestResult>> IngestAsync(ImmutableArray<ActivityEvent> events)
    {
        if (S.ApplicantId is null)
            return CommandResult<IngestResult>.Fail(ErrorKind.NotFound, "account_not_linked", "The account is not linked to an applicant; link it first.");
        return CommandResult<IngestResult>.Ok(await ApplyAsync(events, writeNow: true));
    }

    // Stream delivery: the subscription is implicit (one stream per account id), resumed on every activation.
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        _stream = handleFactory.StreamId;
        await handleFactory.Create<ActivityBatchMessage>().ResumeAsync(this);
    }

    public async Task OnNextAsync(ActivityBatchMessage item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        // A stream cannot answer "not linked": the events are kept (analysts see them), re-verification waits for a link.
        if (S.ApplicantId is null) S.UnlinkedEvents += item.Events.Length;
        if (token is not null) _uncommitted.Add(token);
        var result = await ApplyAsync(item.Events, writeNow: false);
        if (result.Accepted > 0)
        {
            S.StreamBatches++;
        }
        else if (_unsavedEvents == 0)
        {
            // Only events already written (a redelivery): acknowledge without a write.
            await CommitAsync();
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, AccountId, ex.GetType().Name);
        return Task.CompletedTask;
    }

    private async Task<IngestResult> ApplyAsync(ImmutableArray<ActivityEvent> events, bool writeNow)
    {
        int accepted = 0, duplicates = 0;
        var newFlags = ImmutableArray.CreateBuilder<string>();
        var risk = riskOptions.Value;
        foreach (var e in events.OrderBy(x => x.OccurredAt))
        {
            if (S.Window.HasSeen(e.EventId))
            {
                duplicates++;
                continue;
            }
            var features = S.Window.Observe(e, windowOptions.Value);
            accepted++;
            S.LatestFeatures = features;
            if (S.LastEventAt is null || e.OccurredAt > S.LastEventAt) S.LastEventAt = e.OccurredAt;
            var hits = _rules.Evaluate(features).ToList();
            if (scorer.Score(features) is { } score)
            {
                if (WorthAPoint(e.OccurredAt, score.Score, risk.FlagScore))
                    Remember(new ScorePoint(e.OccurredAt, Math.Round(score.Score, 4), scorer.ModelVersion ?? "", string.Join(',', score.TopFeatures.Select(f => f.Feature)), e.EventId));
                // A young account has no baseline of its own: every first event looks new. Rules still apply to it.
                if (score.Score >= risk.FlagScore && S.Window.EventsSeen >= risk.MinimumHistoryEvents)
                {
                    hits.Add(new RuleHit(AnomalyRule, "anomaly_score", score.Score, risk.FlagScore,
                        $"unusual for this account (model {scorer.ModelVersion}); top features: {string.Join(", ", score.TopFeatures.Take(risk.TopContributors).Select(f => f.Feature))}"));
                }
            }
            if (hits.Count == 0) scorer.Offer(features);
            else if (RaiseOrExtendFlag(e, hits) is { } flagId) newFlags.Add(flagId);
        }
        ServiceMetrics.EventsApplied.Add(accepted);
        if (duplicates > 0) ServiceMetrics.EventDuplicates.Add(duplicates);
        if (accepted == 0) return new IngestResult(0, duplicates, []);

        S.Version++;
        foreach (var flagId in newFlags)
        {
            var flag = S.Flags.First(f => f.FlagId == flagId);
            S.Outbox.Add(PendingEvents.Create("account.flagged", AccountId, clock.GetUtcNow(),
                new { flagId, applicantId = S.ApplicantId, reasonCodes = flag.Hits.Select(h => h.Code).ToArray() }));
        }
        _unsavedEvents += accepted;
        if (_unsavedSince == 0) _unsavedSince = System.Diagnostics.Stopwatch.GetTimestamp();
        // A flag is news for the platform and analysts: written (with its outbox entry) before anyone hears of it.
        if (!writeNow && newFlags.Count == 0 && !CheckpointDue())
        {
            EnsureCheckpointTimer();
            return new IngestResult(accepted, duplicates, []);
        }
        await SaveAsync();
        await S.Outbox.FlushAsync(outbox);
        if (newFlags.Count > 0)
        {
            await ProjectAsync();
            foreach (var flagId in newFlags)
            {
                var raised = S.Flags.First(f => f.FlagId == flagId);
                await audit.AppendAsync("System", "account-monitor", "account.flag_raised", "account", GrainKey,
                    $"flag={flagId};rules={string.Join(',', raised.Hits.Select(h => h.Code))};event={raised.TriggeringEventId}", CancellationToken.None);
            }
            if (S.ApplicantId is not null) await RequestReverificationAsync(newFlags[^1]);
        }
        return new IngestResult(accepted, duplicates, newFlags.ToImmutable());
    }

    private bool CheckpointDue() =>
        _unsavedEvents >= checkpointOptions.Value.MaxEvents
        || System.Diagnostics.Stopwatch.GetElapsedTime(_unsavedSince) >= checkpointOptions.Value.MaxDelay;

    /// <summary>Writes the state; everything applied so far is then durable, so the stream may forget those messages.</summary>
    private async Task SaveAsync()
    {
        await this.WriteOrResetAsync(state);
        if (_unsavedEvents > 0) ServiceMetrics.Checkpoints.Add(1);
        _unsavedEvents = 0;
        _unsavedSince = 0;
        await CommitAsync();
    }

    private async Task CommitAsync()
    {
        if (_uncommitted.Count == 0 || _stream is not { } stream) return;
        var positions = _uncommitted.ToArray();
        _uncommitted.Clear();
        await checkpoints.CommittedAsync(stream, positions);
    }

    // One timer while there is unwritten stream progress, so a quiet account still checkpoints within MaxDelay.
    private void EnsureCheckpointTimer()
    {
        if (_checkpointTimer is not null) return;
        var period = checkpointOptions.Value.MaxDelay / 2;
        _checkpointTimer = this.RegisterGrainTimer(static (grain, _) => grain.OnCheckpointTimerAsync(), this,
            new GrainTimerCreationOptions(period, period) { KeepAlive = false });
    }

    private async Task OnCheckpointTimerAsync()
    {
        if (_unsavedEvents == 0)
        {
            _checkpointTimer?.Dispose();
            _checkpointTimer = null;
            return;
        }
        if (CheckpointDue()) await SaveAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Best effort: if this fails (or the silo dies), the durable stream redelivers the unacknowledged messages.
        if (_unsavedEvents > 0)
        {
            try { await SaveAsync(); }
            catch (Exception ex) { LogCheckpointFailed(logger, AccountId, ex.GetType().Name); }
        }
    }

    // The timeline is for people: a point per event would fill it with seconds of a busy account's routine. Kept:
    // the first point, any move of 0.05 or more, anything at or above the flag score, and one a minute otherwise.
    private bool WorthAPoint(DateTimeOffset at, double score, double flagScore)
    {
        if (S.Scores.Count == 0 || score >= flagScore) return true;
        var last = S.Scores[^1];
        return Math.Abs(score - last.Score) >= 0.05 || at - last.At >= TimeSpan.FromMinutes(1) || at < last.At;
    }

    private void Remember(ScorePoint point)
    {
        S.Scores.Add(point);
        if (S.Scores.Count > MaxScorePoints) S.Scores.RemoveRange(0, S.Scores.Count - MaxScorePoints);
    }

    public async Task<CommandResult<AccountView>> ActOnFlagAsync(string flagId, FlagStatus newStatus, string actor, string? note)
    {
        var index = S.Flags.FindIndex(f => f.FlagId == flagId);
        if (index < 0) return CommandResult<AccountView>.Fail(ErrorKind.NotFound, "flag_not_found", "The account has no flag with this id.");
        var flag = S.Flags[index];
        if (!flag.IsActive) return CommandResult<AccountView>.Fail(ErrorKind.Conflict, "flag_closed", "The flag is already cleared.");
        if (newStatus == FlagStatus.Open) return CommandResult<AccountView>.Fail(ErrorKind.Validation, "invalid_flag_status", "A flag cannot be reopened by hand.");
        if (newStatus == FlagStatus.Cleared && string.IsNullOrWhiteSpace(note))
            return CommandResult<AccountView>.Fail(ErrorKind.Validation, "note_required", "Clearing a flag needs a note.");
        S.Flags[index] = flag with { Status = newStatus, Actions = flag.Actions.Add(new FlagAction(clock.GetUtcNow(), actor, newStatus, note)) };
        S.Version++;
        await SaveAsync();
        await ProjectAsync();
        // The analyst's note is free text and may name people: the audit keeps that a note exists, not its words.
        await audit.AppendAsync("Analyst", actor, "account.flag_action", "account", GrainKey,
            $"flag={flagId};status={newStatus};note={(string.IsNullOrEmpty(note) ? "no" : "yes")}", CancellationToken.None);
        return Ok();
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await S.Outbox.FlushAsync(outbox);

    public Task<AccountView?> GetAsync() =>
        Task.FromResult(S.ApplicantId is null && S.Version == 0 ? null : View());

    /// <summary>Opens a flag, or adds new reasons to the active one; returns the id of a newly opened flag.</summary>
    private string? RaiseOrExtendFlag(ActivityEvent e, List<RuleHit> hits)
    {
        var active = S.Flags.FindIndex(f => f.IsActive);
        if (active >= 0)
        {
            var flag = S.Flags[active];
            var fresh = hits.Where(h => !flag.Hits.Any(x => x.Code == h.Code)).ToList();
            if (fresh.Count > 0) S.Flags[active] = flag with { Hits = flag.Hits.AddRange(fresh) };
            return null;
        }
        var id = $"flg_{Guid.CreateVersion7():N}";
        S.Flags.Add(new AccountFlag { FlagId = id, RaisedAt = clock.GetUtcNow(), TriggeringEventId = e.EventId, Hits = [.. hits] });
        LogFlagRaised(logger, AccountId, id, string.Join(',', hits.Select(h => h.Code)));
        ServiceMetrics.FlagsRaised.Add(1, new KeyValuePair<string, object?>("reason", hits[0].Code));
        return id;
    }

    private async Task RequestReverificationAsync(string flagId)
    {
        var flag = S.Flags.First(f => f.FlagId == flagId);
        var reason = $"account {AccountId} flagged ({string.Join(", ", flag.Hits.Select(h => h.Code))})";
        var result = await GrainFactory.GetGrain<IApplicantGrain>(S.ApplicantId!.Value)
            .RequireReverificationAsync(ReverificationSource.AccountFlag, reason, new Actor(ActorKind.System, "account-monitor"));
        // A refusal (already due, withdrawn, under review) is expected: the flag stands for analysts either way.
        if (!result.IsOk) LogReverificationNotApplied(logger, AccountId, result.Error!.Code);
    }

    private Task ProjectAsync()
    {
        var active = S.Flags.LastOrDefault(f => f.IsActive);
        var latest = S.Flags.LastOrDefault();
        return projection.UpsertAsync(new AccountProjection(
            GrainKey,
            S.ApplicantId,
            StatusOf(),
            active?.FlagId ?? latest?.FlagId,
            (active ?? latest)?.Status.ToString(),
            [.. ((active ?? latest)?.Hits ?? []).Select(h => h.Code)],
            RiskScore(active),
            (active ?? latest)?.RaisedAt,
            clock.GetUtcNow(),
            S.Version,
            AccountKeys.TenantOf(GrainKey)), CancellationToken.None);
    }

    // The model's latest score when a model is loaded; otherwise (and for rule-only flags) the strongest rule's value
    // relative to its threshold, capped at 1.
    private double RiskScore(AccountFlag? flag)
    {
        var model = S.Scores.Count > 0 ? S.Scores[^1].Score : 0;
        var rules = flag is null ? 0 : Math.Min(1, flag.Hits.Max(h => h.Threshold > 0 ? h.Value / h.Threshold / 2 : 0.5) + 0.5);
        return Math.Max(model, rules);
    }

    private AccountStatus StatusOf() =>
        S.ApplicantId is null ? AccountStatus.Unlinked : S.Flags.Exists(f => f.IsActive) ? AccountStatus.Flagged : AccountStatus.Active;

    private AccountView View() => new()
    {
        AccountId = AccountId,
        ApplicantId = S.ApplicantId,
        Status = StatusOf(),
        LatestFeatures = S.LatestFeatures,
        Flags = [.. S.Flags],
        EventsSeen = S.Window.EventsSeen,
        LastEventAt = S.LastEventAt,
        Version = S.Version,
        ScoreTimeline = [.. S.Scores],
        ModelVersion = scorer.ModelVersion,
    };

    private CommandResult<AccountView> Ok() => CommandResult<AccountView>.Ok(View());

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Account {AccountId} flagged {FlagId}: {Codes}")]
    private static partial void LogFlagRaised(ILogger logger, string accountId, string flagId, string codes);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Account {AccountId}: activity stream error {ErrorType}")]
    private static partial void LogStreamError(ILogger logger, string accountId, string errorType);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Account {AccountId}: checkpoint at deactivation failed ({ErrorType}); the stream redelivers")]
    private static partial void LogCheckpointFailed(ILogger logger, string accountId, string errorType);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Account {AccountId}: re-verification not applied ({Code})")]
    private static partial void LogReverificationNotApplied(ILogger logger, string accountId, string code);
}
