using System.Security.Cryptography;
using System.Text;

namespace EKyc.Api.Endpoints;

/// <summary>
/// Derives a stable applicant id from the caller and its Idempotency-Key, so a retried create reaches the same grain
/// and gets the same applicant back instead of a duplicate.
/// </summary>
internal static class IdempotentIds
{
    public static Guid For(string caller, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"applicant\n{caller}\n{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
