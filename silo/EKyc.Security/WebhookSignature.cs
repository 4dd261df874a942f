using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EKyc.Security;

/// <summary>
/// The webhook signature: header <c>EKyc-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// Receivers recompute it over the raw body and refuse timestamps outside a replay window, so a captured delivery
/// cannot be replayed later or altered.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "EKyc-Signature";

    public static string Sign(ReadOnlySpan<byte> secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, unixSeconds, body))}";

    public enum Verdict
    {
        Valid,
        Malformed,
        OutsideReplayWindow,
        BadSignature,
    }

    public static Verdict Verify(ReadOnlySpan<byte> secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(header)) return Verdict.Malformed;
        long? t = null;
        byte[]? v1 = null;
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) return Verdict.Malformed;
            if (kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) t = ts;
            else if (kv[0] == "v1" && kv[1].Length == 64) v1 = TryHex(kv[1]);
        }
        if (t is null || v1 is null) return Verdict.Malformed;
        if (Math.Abs(now.ToUnixTimeSeconds() - t.Value) > window.TotalSeconds) return Verdict.OutsideReplayWindow;
        return CryptographicOperations.FixedTimeEquals(Mac(secret, t.Value, body), v1) ? Verdict.Valid : Verdict.BadSignature;
    }

    private static byte[] Mac(ReadOnlySpan<byte> secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(secret, message);
    }

    private static byte[]? TryHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
