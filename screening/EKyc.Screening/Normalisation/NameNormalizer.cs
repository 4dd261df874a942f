using System.Text;

namespace EKyc.Screening.Normalisation;

/// <summary>
/// Turns a name as printed on a list or typed by an applicant into comparable tokens: romanise Cyrillic/Greek/Arabic,
/// fold diacritics and ligatures, lowercase, drop apostrophes ("O'Brien" → obrien), split on hyphens, commas and other
/// punctuation, join dotted initials ("A.I.C." → aic, "S.A." → sa), then drop honorifics and legal forms.
/// Token order is kept (the matcher aligns tokens regardless of order); <see cref="Key"/> gives the sorted form.
/// </summary>
public static class NameNormalizer
{
    public static IReadOnlyList<NameToken> Tokenize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var raw = SplitWords(name);
        var kept = new List<NameToken>(raw.Count);
        foreach (var (text, consonantal) in raw)
        {
            if (NameWords.Dropped.Contains(text) || NameWords.IsMisspeltLegalForm(text))
            {
                continue;
            }

            var role = NameWords.Particles.Contains(text) ? TokenRole.Particle
                : NameWords.Generic.Contains(text) ? TokenRole.Generic
                : TokenRole.Name;
            kept.Add(new NameToken(text, role, consonantal));
        }

        // A name made only of dropped words ("THE COMPANY LTD") is still a name: keep its words rather than nothing.
        if (kept.Count == 0)
        {
            kept.AddRange(raw.Select(r => new NameToken(r.Text, TokenRole.Generic, r.Consonantal)));
        }

        return kept;
    }

    /// <summary>The normalised name with its tokens sorted: equal keys mean the same words in any order.</summary>
    public static string Key(string? name) => string.Join(' ', Tokenize(name).Select(t => t.Text).Order(StringComparer.Ordinal));

    /// <summary>The normalised name in its original order.</summary>
    public static string Normalize(string? name) => string.Join(' ', Tokenize(name).Select(t => t.Text));

    private static List<(string Text, bool Consonantal)> SplitWords(string name)
    {
        var words = new List<(string, bool)>();
        var word = new StringBuilder(16);
        var consonantal = false;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add((word.ToString(), consonantal));
                word.Clear();
            }

            consonantal = false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                else if (c == '\'' || c == '`')
                {
                    // apostrophes join: O'Brien, D'S, Mu'ammar
                }
                else if (c == '.' && word.Length == 1 && i + 1 < name.Length && char.IsAsciiLetter(name[i + 1]))
                {
                    // a dotted initialism continues the same word: A.I.C. → aic
                }
                else if (c == '.' && word.Length > 1 && IsDottedRun(word, name, i))
                {
                    // the dot after the last letter of an initialism (A.I.C.) ends it without splitting
                }
                else
                {
                    Flush();
                }

                continue;
            }

            if (ScriptTransliterator.IsCyrillic(c))
            {
                word.Append(ScriptTransliterator.Cyrillic(c));
            }
            else if (ScriptTransliterator.IsArabic(c))
            {
                var letters = ScriptTransliterator.Arabic(c, word.Length == 0);
                if (letters.Length > 0)
                {
                    word.Append(letters);
                    consonantal = true;
                }
                else if (c is '\u060C' or '\u061B' or '\u061F' or '\u06D4')
                {
                    Flush(); // Arabic comma, semicolon, question mark, full stop
                }
            }
            else if (DiacriticFoldTable.Fold(c) is { } folded)
            {
                foreach (var f in folded)
                {
                    if (char.IsAsciiLetterOrDigit(f))
                    {
                        word.Append(f);
                    }
                    else if (ScriptTransliterator.IsGreek(f))
                    {
                        word.Append(ScriptTransliterator.Greek(f));
                    }
                    else if (f != '\'')
                    {
                        Flush();
                    }
                }
            }
            else if (ScriptTransliterator.IsGreek(c))
            {
                word.Append(ScriptTransliterator.Greek(c));
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c)); // scripts without a romanisation here stay as written
            }
            else if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                     or System.Globalization.UnicodeCategory.Format)
            {
                // combining marks and zero-width joiners carry no letter
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;
    }

    // True when the word so far is an initialism built with dots, e.g. "ai" from "A.I" before the final ".".
    private static bool IsDottedRun(StringBuilder word, string name, int dot)
    {
        var letters = word.Length;
        var i = dot - 1;
        for (var k = 0; k < letters; k++)
        {
            if (i < 0 || !char.IsAsciiLetter(name[i]))
            {
                return false;
            }

            if (k < letters - 1)
            {
                if (i - 1 < 0 || name[i - 1] != '.')
                {
                    return false;
                }

                i -= 2;
            }
        }

        return true;
    }
}
