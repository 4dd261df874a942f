using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EKyc.Monitoring.Tests;

/// <summary>
/// The window is most of an account's checkpoint, written every few seconds for every busy account: its size is
/// what the state store pays. A full window (entry cap and de-duplication ring both full) must stay compact.
/// </summary>
public class CheckpointSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_full_window_serialises_compactly_and_round_trips()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<ActivityWindow>>();
        var options = new WindowOptions();
        var window = new ActivityWindow();
        var t0 = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < options.DedupCapacity; i++)
        {
            var at = t0.AddMilliseconds(i * 7);
            window.Observe(i % 5 == 0
                ? new ActivityEvent { EventId = $"evt-{i:D8}", AccountId = "a", OccurredAt = at, Type = ActivityType.Transaction, Amount = 12.34m + i }
                : new ActivityEvent { EventId = $"evt-{i:D8}", AccountId = "a", OccurredAt = at, Type = ActivityType.Login, Success = true, DeviceId = "d", IpCountry = "GB" }, options);
        }
        var bytes = serializer.SerializeToArray(window);
        output.WriteLine($"{window.Entries.Count} entries, {window.SeenCount} ids: {bytes.Length:N0} bytes");
        // 8 bytes per remembered id (10,000) and a few per entry: ≈ 105 kB, a third of the generic encoding.
        Assert.True(bytes.Length < 120_000, $"{bytes.Length} bytes");

        var copy = serializer.Deserialize(bytes);
        Assert.NotNull(copy);
        Assert.True(copy.HasSeen("evt-00000000"));
        Assert.False(copy.HasSeen("evt-99999999"));
        var next = new ActivityEvent { EventId = "next", AccountId = "a", OccurredAt = t0.AddMilliseconds(options.DedupCapacity * 7), Type = ActivityType.Login, Success = true, DeviceId = "d", IpCountry = "GB" };
        Assert.Equal(window.Observe(next, options).Values.ToArray(), copy.Observe(next, options).Values.ToArray());
    }

    [Fact]
    public void Packed_entries_keep_every_amount_type_and_flag()
    {
        var t0 = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(2));
        List<WindowEntry> entries =
        [
            new(t0, ActivityType.Transaction, 12.34m, false),
            new(t0, ActivityType.Transaction, 0.001m, false),
            new(t0.AddTicks(1), ActivityType.Transaction, -79_228_162_514_264_337_593_543_950_335m, false),
            new(t0.AddDays(3), ActivityType.Login, 0m, true),
            new(t0.AddDays(3), ActivityType.Other, 5m, false),
            new(t0.AddYears(-30), ActivityType.PasswordReset, 0m, false),
        ];
        var window = new ActivityWindow();
        window.Entries.AddRange(entries);
        var copy = new ActivityWindow { PackedEntries = window.PackedEntries };
        Assert.Equal(entries.Count, copy.Entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(entries[i].At.UtcTicks, copy.Entries[i].At.UtcTicks);
            Assert.Equal(entries[i] with { At = copy.Entries[i].At }, copy.Entries[i]);
        }
    }
}
