using System.Text;

namespace EKyc.Screening.Normalisation;

/// <summary>
/// Sound-alike keys for blocking and for comparing romanised Arabic. Two keys, both written for this project:
/// <list type="bullet">
/// <item><see cref="Of"/>: a Soundex-like consonant-class key over the whole word (not cut at four characters):
/// vowels, h, w and y vanish, b/f/p/v, c/g/j/k/q/s/x/z, d/t, l, m/n and r each form one class, and repeats collapse,
/// so "mohamed", "muhammad" and "mhmd", or "nicolas" and "nikolas", share a key.</item>
/// <item><see cref="Skeleton"/>: the consonants themselves (vowels dropped, doubles collapsed), a stricter
/// comparison for words romanised from a script that does not write short vowels.</item>
/// </list>
/// </summary>
public static class PhoneticKey
{
    public static string Of(string token)
    {
        var key = new StringBuilder(token.Length);
        var last = '\0';
        foreach (var c in token)
        {
            var code = c switch
            {
                'b' or 'f' or 'p' or 'v' => '1',
                'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
                'd' or 't' => '3',
                'l' => '4',
                'm' or 'n' => '5',
                'r' => '6',
                >= '0' and <= '9' => c,
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w' => '\0',
                _ => c, // letters of scripts left as written are their own class
            };
            if (code != '\0' && code != last)
            {
                key.Append(code);
            }

            if (code != '\0')
            {
                last = code;
            }
        }

        return key.ToString();
    }

    public static string Skeleton(string token)
    {
        var key = new StringBuilder(token.Length);
        var last = '\0';
        foreach (var c in token)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w')
            {
                continue;
            }

            if (c != last)
            {
                key.Append(c);
            }

            last = c;
        }

        return key.ToString();
    }
}
