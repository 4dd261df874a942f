using System.Buffers.Binary;
using EKyc.Monitoring.Activity;

namespace EKyc.Monitoring.Features;

/// <summary>
/// Packs window entries (in time order) for the account's checkpoint: per entry the tick delta from the previous one
/// (varint, UTC), one byte of type and flags, and the amount — as a varint of cents when it has at most two decimals
/// (the usual case), else its 16 decimal bytes. About 5 bytes an entry instead of ~60 with the generic serializer,
/// which matters because busy accounts write their window every few seconds.
/// </summary>
internal static class WindowEntryCodec
{
    private const byte FailedFlag = 0x20;
    private const byte CentsFlag = 0x40;
    private const byte DecimalFlag = 0x80;
    private const byte TypeMask = 0x1F;
    // Activity types are small numbers, except Other (99) and any the enum may gain: those pack as this code.
    private const int OtherCode = 0x1F;

    public static byte[] Pack(List<WindowEntry> entries)
    {
        Span<int> bits = stackalloc int[4];
        var buffer = new byte[entries.Count * 32 + 8];
        var at = 0;
        long previous = 0;
        foreach (var entry in entries)
        {
            var ticks = entry.At.UtcTicks;
            at += WriteVarint(buffer.AsSpan(at), ZigZag(ticks - previous));
            previous = ticks;
            var head = (byte)((int)entry.Type is var type and >= 0 and < OtherCode ? type : OtherCode);
            if (entry.Failed) head |= FailedFlag;
            long cents = 0;
            var asCents = entry.Amount != 0 && TryCents(entry.Amount, out cents);
            if (asCents) head |= CentsFlag;
            else if (entry.Amount != 0) head |= DecimalFlag;
            buffer[at++] = head;
            if (asCents)
            {
                at += WriteVarint(buffer.AsSpan(at), ZigZag(cents));
            }
            else if (entry.Amount != 0)
            {
                decimal.GetBits(entry.Amount, bits);
                foreach (var b in bits)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), b);
                    at += 4;
                }
            }
        }
        return buffer[..at];
    }

    public static List<WindowEntry> Unpack(ReadOnlySpan<byte> data)
    {
        Span<int> bits = stackalloc int[4];
        var entries = new List<WindowEntry>();
        long ticks = 0;
        while (!data.IsEmpty)
        {
            ticks += UnZigZag(ReadVarint(ref data));
            var head = data[0];
            data = data[1..];
            var amount = 0m;
            if ((head & CentsFlag) != 0)
            {
                amount = UnZigZag(ReadVarint(ref data)) / 100m;
            }
            else if ((head & DecimalFlag) != 0)
            {
                for (var i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(i * 4)..]);
                amount = new decimal(bits);
                data = data[16..];
            }
            var code = head & TypeMask;
            entries.Add(new WindowEntry(new DateTimeOffset(ticks, TimeSpan.Zero), code == OtherCode ? ActivityType.Other : (ActivityType)code, amount, (head & FailedFlag) != 0));
        }
        return entries;
    }

    private static bool TryCents(decimal amount, out long cents)
    {
        cents = 0;
        // Checked before scaling: amounts near decimal's range would overflow the multiplication.
        if (amount > MaxCentsAmount || amount < -MaxCentsAmount) return false;
        var scaled = amount * 100m;
        if (scaled != decimal.Truncate(scaled)) return false;
        cents = (long)scaled;
        return true;
    }

    private const decimal MaxCentsAmount = long.MaxValue / 400;

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static int WriteVarint(Span<byte> buffer, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[i++] = (byte)value;
        return i;
    }

    private static ulong ReadVarint(ref ReadOnlySpan<byte> data)
    {
        ulong value = 0;
        var shift = 0;
        for (var i = 0; ; i++)
        {
            if (i >= data.Length || shift > 63) throw new InvalidDataException("Corrupt packed window entries.");
            var b = data[i];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                data = data[(i + 1)..];
                return value;
            }
            shift += 7;
        }
    }
}
