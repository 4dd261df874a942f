using System.Text;

namespace EKyc.Screening.Loading;

/// <summary>
/// Splits comma- or tab-separated text with double-quoted fields ("" escapes a quote, a quoted field may span lines).
/// Written here because the OFAC legacy files are not strictly RFC 4180: unquoted nulls carry a trailing space
/// ("-0- ") and the file may end with a DOS end-of-file byte (0x1A).
/// </summary>
internal static class CsvRecordReader
{
    public static IEnumerable<string[]> Read(string text, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldWasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                inQuotes = true;
                fieldWasQuoted = true;
            }
            else if (c == separator)
            {
                fields.Add(Finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(Finish(field, fieldWasQuoted));
                fieldWasQuoted = false;
                if (!IsBlank(fields))
                {
                    yield return [.. fields];
                }

                fields.Clear();
            }
            else if (c != '\u001A')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(Finish(field, fieldWasQuoted));
            if (!IsBlank(fields))
            {
                yield return [.. fields];
            }
        }
    }

    /// <summary>The OFAC null marker "-0-" (with or without its trailing space) and empty fields become null.</summary>
    public static string? Value(string[] record, int index)
    {
        if (index >= record.Length)
        {
            return null;
        }

        var value = record[index].Trim();
        return value.Length == 0 || value == "-0-" ? null : value;
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var value = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }

    private static bool IsBlank(List<string> fields) => fields.Count == 1 && fields[0].Trim().Length == 0;
}
