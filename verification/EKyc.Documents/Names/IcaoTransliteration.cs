using System.Text;

namespace EKyc.Documents.Names;

/// <summary>
/// Names as an MRZ spells them (ICAO 9303-3 §6): Latin capitals only, with the recommended transliterations (Ä → AE,
/// Ö → OE, Ü → UE, ß → SS, Å → AA, Æ → AE, Ø → OE, Þ → TH, …). Some issuers drop the diacritic instead (Ä → A), so
/// a registered name yields every spelling an issuer may have used.
/// </summary>
public static class IcaoTransliteration
{
    private static readonly Dictionary<char, string[]> Special = new()
    {
        ['Ä'] = ["AE", "A"], ['Ö'] = ["OE", "O"], ['Ü'] = ["UE", "U"], ['ß'] = ["SS"], ['Å'] = ["AA", "A"],
        ['Æ'] = ["AE"], ['Ø'] = ["OE", "O"], ['Œ'] = ["OE"], ['Þ'] = ["TH"], ['Ð'] = ["D"], ['Ĳ'] = ["IJ"], ['Ł'] = ["L"],
        ['Ñ'] = ["N", "NXX"], ['Đ'] = ["D"], ['Ħ'] = ["H"], ['Ŀ'] = ["L"], ['ı'] = ["I"],
    };

    /// <summary>Every MRZ spelling of <paramref name="name"/>, as words (at most 16 variants).</summary>
    public static IReadOnlyList<string[]> Variants(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var spellings = new List<StringBuilder> { new() };
        foreach (var raw in name.ToUpperInvariant())
        {
            if (Special.TryGetValue(raw, out var options) || Special.TryGetValue(char.ToUpperInvariant(raw), out options))
            {
                spellings = spellings.Count * options.Length > 16
                    ? spellings.Select(s => s.Append(options[0])).ToList()
                    : spellings.SelectMany(s => options.Select(o => new StringBuilder(s.ToString()).Append(o))).ToList();
                continue;
            }
            var plain = Strip(raw);
            foreach (var s in spellings) s.Append(plain);
        }
        return spellings.Select(s => Words(s.ToString())).DistinctBy(w => string.Join(' ', w)).ToList();
    }

    /// <summary>Splits MRZ or free text into words of capital letters (filler, spaces, hyphens and apostrophes separate).</summary>
    public static string[] Words(string text) =>
        text.Split(c => !char.IsAsciiLetterUpper(c)).Where(w => w.Length > 0).ToArray();

    // Any other accented Latin letter loses its diacritic (É → E); anything non-Latin becomes a separator. A table
    // rather than Unicode decomposition: the service runs with invariant globalization, where decomposition is absent.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝĀĂĄĆĈĊČĎĒĔĖĘĚĜĞĠĢĤĨĪĬĮİĴĶĹĻĽŃŅŇŌŎŐŔŖŘŚŜŞŠŢŤŨŪŬŮŰŲŴŶŸŹŻŽƠƯǍǏǑǓǕǗǙǛǞǠǦǨǪǬǴǸǺȀȂȄȆȈȊȌȎȐȒȔȖȘȚȞȦȨȪȬȮȰȲḀḂḄḆḈḊḌḎḐḒḔḖḘḚḜḞḠḢḤḦḨḪḬḮḰḲḴḶḸḺḼḾṀṂṄṆṈṊṌṎṐṒṔṖṘṚṜṞṠṢṤṦṨṪṬṮṰṲṴṶṸṺṼṾẀẂẄẆẈẊẌẎẐẒẔẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYAAACCCCDEEEEEGGGGHIIIIIJKLLLNNNOOORRRSSSSTTUUUUUUWYYZZZOUAIOUUUUUAAGKOOGNAAAEEIIOORRUUSTHAEOOOOYABBBCDDDDDEEEEEFGHHHHHIIKKKLLLLMMMNNNNOOOOPPRRRRSSSSSTTTTUUUUUVVWWWWWXXYZZZAAAAAAAAAAAAEEEEEEEEIIOOOOOOOOOOOOUUUUUUUYYYY";

    private static string Strip(char c)
    {
        if (char.IsAsciiLetterUpper(c)) return c.ToString();
        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Plain[i].ToString() : " ";
    }
}

internal static class SplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (isSeparator(c))
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return [.. words];
    }
}
