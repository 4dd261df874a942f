namespace EKyc.Security;

/// <summary>
/// Key-encryption keys from environment secrets (e.g. a Kubernetes Secret exposed as variables):
/// <c>EKYC_KEK_CURRENT</c> names the current key and <c>EKYC_KEK_&lt;ID&gt;</c> holds each key's base64 (ids in the
/// variable names are upper-cased, with '-' and '.' written as '_').
/// </summary>
public sealed class EnvironmentKeyProvider : IKeyProvider
{
    private const string Prefix = "EKYC_KEK_";
    private readonly Dictionary<string, KeyEncryptionKey> _keys = new(StringComparer.Ordinal);

    public EnvironmentKeyProvider(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.TryGetValue(Prefix + "CURRENT", out var currentId) || string.IsNullOrWhiteSpace(currentId))
            throw new InvalidOperationException($"{Prefix}CURRENT is not set");
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name == Prefix + "CURRENT") continue;
            var id = name[Prefix.Length..];
            _keys[id] = new KeyEncryptionKey(id, Convert.FromBase64String(value.Trim()));
        }
        Current = Find(currentId.Trim()) ?? throw new InvalidOperationException($"the current key '{currentId}' has no {Prefix}<ID> variable");
    }

    public KeyEncryptionKey Current { get; }

    public KeyEncryptionKey? Find(string id) =>
        _keys.GetValueOrDefault(id.ToUpperInvariant().Replace('-', '_').Replace('.', '_'));

    public static EnvironmentKeyProvider FromProcess()
    {
        var variables = Environment.GetEnvironmentVariables();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in variables)
        {
            if (entry.Key is string k && entry.Value is string v && k.StartsWith(Prefix, StringComparison.Ordinal)) map[k] = v;
        }
        return new EnvironmentKeyProvider(map);
    }
}
