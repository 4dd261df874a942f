namespace EKyc.GrainInterfaces.Accounts;

/// <summary>
/// Account grain keys carry the tenant: two client platforms may both have an "acct-1", and they are different
/// accounts. The key is <c>{tenant}/{accountId}</c> (account ids may not contain '/'), or the bare account id for
/// records without a tenant.
/// </summary>
public static class AccountKeys
{
    public static string For(string? tenant, string accountId) =>
        tenant is { Length: > 0 } t && t != "*" ? $"{t}/{accountId}" : accountId;

    /// <summary>The platform's account id inside a grain key.</summary>
    public static string AccountIdOf(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? grainKey : grainKey[(slash + 1)..];
    }

    public static string? TenantOf(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : grainKey[..slash];
    }
}
