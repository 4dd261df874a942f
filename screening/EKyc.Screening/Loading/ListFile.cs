using System.Security.Cryptography;
using System.Text;
using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>Reads a list file once: its text for parsing and its SHA-256 for the list version.</summary>
internal sealed record ListFile(string Path, string Text, string Sha256)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string FileName => System.IO.Path.GetFileName(Path);

    public static ListFile? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Older government CSV exports are Windows-1252/Latin-1; Latin-1 maps every byte, so nothing is lost.
            text = Encoding.Latin1.GetString(bytes);
        }

        return new ListFile(path, text.TrimStart('\uFEFF'), hash);
    }

    public ListVersion Version(ListSource source, DateTimeOffset? published, int count) => new(source, FileName, Sha256, published, count);

    /// <summary>
    /// Reads an XML list file and checks its root element: the file and root, or the failure to report. Shared by
    /// the XML loaders so they refuse missing, malformed and foreign files the same way.
    /// </summary>
    public static (ListFile File, System.Xml.Linq.XElement Root)? ReadXml(string path, string rootName, out ListLoadResult? failure)
    {
        failure = null;
        var file = TryRead(path);
        if (file is null)
        {
            failure = ListLoadResult.Failure(ScreeningError.FileMissing(path));
            return null;
        }
        System.Xml.Linq.XDocument document;
        try
        {
            document = System.Xml.Linq.XDocument.Parse(file.Text);
        }
        catch (System.Xml.XmlException e)
        {
            failure = ListLoadResult.Failure(ScreeningError.Malformed(file.FileName, e.Message));
            return null;
        }
        if (document.Root is not { } root || root.Name.LocalName != rootName)
        {
            failure = ListLoadResult.Failure(ScreeningError.Malformed(file.FileName, $"root element {rootName} not found"));
            return null;
        }
        return (file, root);
    }
}
