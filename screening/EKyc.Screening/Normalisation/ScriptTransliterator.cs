namespace EKyc.Screening.Normalisation;

/// <summary>
/// Romanises Cyrillic, Greek and Arabic letters so names written in those scripts can be compared with the Latin
/// spellings on the lists. Cyrillic follows the common BGN/PCGN-style spellings (х → kh, ж → zh, щ → shch, й → y);
/// Greek follows ELOT 743 simplified (η → i, χ → ch); Arabic (with the Persian letters) is consonantal: short vowels
/// are rarely written, so Arabic-derived tokens are also compared by consonant skeleton (see <see cref="NameToken"/>).
/// Hebrew, CJK, Hangul and Thai are not romanised: tokens in those scripts only match the same script.
/// </summary>
internal static class ScriptTransliterator
{
    private static readonly string[] CyrillicLower =
    [
        // а б в г д е ж з и й к л м н о п
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        // р с т у ф х ц ч ш щ ъ ы ь э ю я
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ];

    // U+0450–U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ (Serbian, Macedonian, Ukrainian, Belarusian letters).
    private static readonly string[] CyrillicExtended =
    [
        "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
    ];

    /// <summary>True when <paramref name="c"/> is in the Cyrillic block handled here.</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u045F' or '\u0490' or '\u0491';

    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    public static bool IsGreek(char c) => c is >= '\u0370' and <= '\u03FF';

    public static string Cyrillic(char c) => c switch
    {
        >= '\u0410' and <= '\u042F' => CyrillicLower[c - '\u0410'],
        >= '\u0430' and <= '\u044F' => CyrillicLower[c - '\u0430'],
        >= '\u0400' and <= '\u040F' => CyrillicExtended[c - '\u0400'],
        >= '\u0450' and <= '\u045F' => CyrillicExtended[c - '\u0450'],
        '\u0490' or '\u0491' => "g",
        _ => "",
    };

    /// <summary>Greek after accents were folded away (lowercase base letters).</summary>
    public static string Greek(char c) => c switch
    {
        'α' => "a", 'β' => "v", 'γ' => "g", 'δ' => "d", 'ε' => "e", 'ζ' => "z", 'η' => "i", 'θ' => "th",
        'ι' => "i", 'κ' => "k", 'λ' => "l", 'μ' => "m", 'ν' => "n", 'ξ' => "x", 'ο' => "o", 'π' => "p",
        'ρ' => "r", 'σ' or 'ς' => "s", 'τ' => "t", 'υ' => "y", 'φ' => "f", 'χ' => "ch", 'ψ' => "ps", 'ω' => "o",
        _ => "",
    };

    /// <summary>
    /// Arabic letters. Alef and the weak letters waw/ya become vowels except at the start of a word, where they are
    /// consonants (w, y); hamza, ain and the harakat leave no letter because Latin spellings mostly drop them.
    /// </summary>
    public static string Arabic(char c, bool wordStart) => c switch
    {
        'ا' or 'أ' or 'آ' or 'ٱ' => "a",
        'إ' => "i",
        'ب' => "b", 'ت' => "t", 'ث' => "th", 'ج' => "j", 'ح' => "h", 'خ' => "kh", 'د' => "d", 'ذ' => "dh",
        'ر' => "r", 'ز' => "z", 'س' => "s", 'ش' => "sh", 'ص' => "s", 'ض' => "d", 'ط' => "t", 'ظ' => "z",
        'غ' => "gh", 'ف' => "f", 'ق' => "q", 'ك' or 'ک' => "k", 'ل' => "l", 'م' => "m", 'ن' => "n",
        'ه' => "h", 'ة' => "a", 'ى' => "a",
        'و' => wordStart ? "w" : "u",
        'ي' or 'ی' => wordStart ? "y" : "i",
        'پ' => "p", 'چ' => "ch", 'ژ' => "zh", 'گ' => "g",
        '\u064E' => "a", '\u064F' => "u", '\u0650' => "i", // fatha, damma, kasra when a text is vocalised
        _ => "", // hamza, ain, sukun, shadda, tatweel, Arabic punctuation
    };
}
