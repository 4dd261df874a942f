using System.IO.Hashing;
using System.Text;

namespace EKyc.Monitoring.Features;

/// <summary>64-bit hash of an event id (XXH3 over its UTF-8 bytes), what the de-duplication ring stores.</summary>
public static class EventIdHash
{
    public static ulong Of(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var max = Encoding.UTF8.GetMaxByteCount(eventId.Length);
        Span<byte> buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(eventId, buffer);
        return XxHash3.HashToUInt64(buffer[..length]);
    }
}
