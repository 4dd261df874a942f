using System.ComponentModel.DataAnnotations;

namespace EKyc.Grains.Accounts;

/// <summary>
/// When an account grain writes its state while activity arrives on its stream; section <c>Monitoring:Checkpoint</c>.
/// Between checkpoints the stream is the log: with NATS JetStream a message is acknowledged only once a checkpoint
/// covers it, so a silo that dies before writing makes JetStream redeliver what the grain had applied since.
/// A flag, a link, an analyst action or a direct (HTTP batch) ingest always writes at once.
/// Budget: a silo writes about min(busy accounts / MaxDelay, events per second / MaxEvents) checkpoints a second;
/// keep that under what the state store sustains (PostgreSQL here: ≈ 2.8k writes/s) by raising MaxDelay when many
/// accounts are active at once. Memory streams keep nothing to replay: a crash loses up to MaxDelay of applied activity.
/// </summary>
public sealed class CheckpointOptions
{
    /// <summary>Write after this many stream events have been applied since the last write.</summary>
    [Range(1, 1_000_000)]
    public int MaxEvents { get; set; } = 20_000;

    /// <summary>Write at the latest this long after the first event not yet written. Keep well under the stream's AckWait.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
