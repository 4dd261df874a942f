using System.Security.Cryptography;

namespace EKyc.Security;

/// <summary>
/// Key-encryption keys as files in a directory (the embedded default, or a Kubernetes Secret mounted as files):
/// one <c>&lt;id&gt;.kek</c> file per key holding the base64 of 32 random bytes, and a <c>current</c> file naming the
/// key that wraps new data keys. On first start, with <c>createIfMissing</c>, a key is generated with owner-only
/// permissions.
/// </summary>
public sealed class FileKeyProvider : IKeyProvider
{
    private readonly string _directory;
    private readonly object _gate = new();
    private Dictionary<string, KeyEncryptionKey> _keys = new(StringComparer.Ordinal);
    private KeyEncryptionKey _current = null!;

    public FileKeyProvider(string directory, bool createIfMissing)
    {
        _directory = Path.GetFullPath(directory);
        if (createIfMissing && !File.Exists(Path.Combine(_directory, "current"))) AddKey();
        Reload();
    }

    public KeyEncryptionKey Current
    {
        get { lock (_gate) return _current; }
    }

    public KeyEncryptionKey? Find(string id)
    {
        lock (_gate) return _keys.GetValueOrDefault(id);
    }

    /// <summary>Generates a new key, makes it current and returns its id (the first step of a rotation).</summary>
    public string AddKey()
    {
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Ids sort by creation time; a suffix keeps two keys made in the same millisecond apart.
        var id = $"kek-{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}";
        for (var n = 2; File.Exists(Path.Combine(_directory, $"{id}.kek")); n++) id = $"kek-{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}-{n}";
        var path = Path.Combine(_directory, $"{id}.kek");
        var material = RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size);
        var text = Convert.ToBase64String(material);
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, text);
        }
        else
        {
            // Created owner-only from the start: never readable by others, not even for a moment.
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        CryptographicOperations.ZeroMemory(material);
        File.WriteAllText(Path.Combine(_directory, "current"), id);
        if (_keys.Count > 0) Reload();
        return id;
    }

    public void Reload()
    {
        var keys = new Dictionary<string, KeyEncryptionKey>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_directory, "*.kek"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            keys[id] = new KeyEncryptionKey(id, Convert.FromBase64String(File.ReadAllText(file).Trim()));
        }
        var currentFile = Path.Combine(_directory, "current");
        if (!File.Exists(currentFile)) throw new InvalidOperationException($"no 'current' key file in {_directory}");
        var currentId = File.ReadAllText(currentFile).Trim();
        var current = keys.GetValueOrDefault(currentId) ?? throw new InvalidOperationException($"the current key '{currentId}' has no file in {_directory}");
        lock (_gate)
        {
            _keys = keys;
            _current = current;
        }
    }
}
