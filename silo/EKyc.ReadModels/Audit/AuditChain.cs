using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EKyc.ReadModels.Audit;

/// <summary>The chain rule: hash = SHA-256(previous hash, sequence number and every field, length-prefixed).</summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(long seq, AuditEntry e, string prevHash)
    {
        ArgumentNullException.ThrowIfNull(e);
        var builder = new StringBuilder();
        // Length prefixes make the encoding unambiguous: no two different entries serialise to the same text.
        foreach (var field in new[]
        {
            prevHash, seq.ToString(CultureInfo.InvariantCulture), e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            e.ActorKind, e.ActorId, e.Action, e.SubjectType, e.SubjectId, e.Details,
        })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>The first record that breaks the chain, or null when every record links to the one before.</summary>
    public static AuditRecord? FirstBreak(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var prev = Genesis;
        var expectedSeq = 1L;
        foreach (var r in records)
        {
            if (r.Seq != expectedSeq || r.PrevHash != prev || Hash(r.Seq, r.Entry, r.PrevHash) != r.Hash) return r;
            prev = r.Hash;
            expectedSeq++;
        }
        return null;
    }
}
