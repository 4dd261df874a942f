using System.Security.Cryptography;
using System.Text;

namespace EKyc.Security.Tests;

public sealed class EnvelopeCipherTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ekyc-keys-test", Guid.NewGuid().ToString("N"));
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Seal_then_open_round_trips_and_hides_the_plaintext()
    {
        var cipher = new EnvelopeCipher(new FileKeyProvider(_dir, createIfMissing: true));
        var envelope = cipher.Seal(Secret);
        Assert.True(EnvelopeCipher.IsEnvelope(envelope));
        Assert.Equal(-1, envelope.AsSpan().IndexOf(Secret.AsSpan(2, 10)));
        Assert.Equal(Secret, cipher.Open(envelope));
        // A fresh data key and nonce each time: the same plaintext never seals the same way twice.
        Assert.NotEqual(envelope, cipher.Seal(Secret));
    }

    [Fact]
    public void Any_changed_byte_is_detected()
    {
        var cipher = new EnvelopeCipher(new FileKeyProvider(_dir, createIfMissing: true));
        var envelope = cipher.Seal(Secret);
        for (var i = 5; i < envelope.Length; i += 7)
        {
            var tampered = (byte[])envelope.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => cipher.Open(tampered));
        }
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(envelope.AsSpan(0, envelope.Length - 1)));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(envelope.AsSpan(0, 20)));
    }

    [Fact]
    public void Associated_data_binds_an_envelope_to_its_record()
    {
        var cipher = new EnvelopeCipher(new FileKeyProvider(_dir, createIfMissing: true));
        var envelope = cipher.Seal(Secret, "applicant/1"u8);
        Assert.Equal(Secret, cipher.Open(envelope, "applicant/1"u8));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(envelope, "applicant/2"u8));
    }

    [Fact]
    public void A_key_from_another_installation_cannot_open_it()
    {
        var ours = new EnvelopeCipher(new FileKeyProvider(_dir, createIfMissing: true));
        var theirs = new EnvelopeCipher(new FileKeyProvider(_dir + "-other", createIfMissing: true));
        try
        {
            Assert.ThrowsAny<CryptographicException>(() => theirs.Open(ours.Seal(Secret)));
        }
        finally
        {
            Directory.Delete(_dir + "-other", recursive: true);
        }
    }

    [Fact]
    public void Rotation_rewraps_the_data_key_and_the_old_key_can_then_be_retired()
    {
        var keys = new FileKeyProvider(_dir, createIfMissing: true);
        var cipher = new EnvelopeCipher(keys);
        var oldId = keys.Current.Id;
        var envelope = cipher.Seal(Secret);
        var newId = keys.AddKey();
        Assert.NotEqual(oldId, newId);

        var rewrapped = cipher.Rewrap(envelope)!;
        Assert.Equal(newId, EnvelopeCipher.KeyIdOf(rewrapped));
        Assert.Null(cipher.Rewrap(rewrapped));

        File.Delete(Path.Combine(_dir, $"{oldId}.kek"));
        var withoutOld = new EnvelopeCipher(new FileKeyProvider(_dir, createIfMissing: false));
        Assert.Equal(Secret, withoutOld.Open(rewrapped));
        Assert.ThrowsAny<CryptographicException>(() => withoutOld.Open(envelope));
    }

    [Fact]
    public void Key_files_are_readable_by_the_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        if (OperatingSystem.IsWindows()) return;
        var keys = new FileKeyProvider(_dir, createIfMissing: true);
        var mode = File.GetUnixFileMode(Path.Combine(_dir, $"{keys.Current.Id}.kek"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public void Environment_keys_name_the_current_one()
    {
        var material = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var provider = new EnvironmentKeyProvider(new Dictionary<string, string>
        {
            ["EKYC_KEK_CURRENT"] = "kek-2026-11",
            ["EKYC_KEK_KEK_2026_11"] = material,
        });
        var cipher = new EnvelopeCipher(provider);
        Assert.Equal(Secret, cipher.Open(cipher.Seal(Secret)));
        Assert.Throws<InvalidOperationException>(() => new EnvironmentKeyProvider(new Dictionary<string, string> { ["EKYC_KEK_CURRENT"] = "missing" }));
        Assert.Throws<ArgumentException>(() => new KeyEncryptionKey("short", new byte[16]));
    }
}
