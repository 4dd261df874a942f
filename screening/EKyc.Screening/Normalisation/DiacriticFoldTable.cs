namespace EKyc.Screening.Normalisation;

/// <summary>
/// Folds Latin letters with diacritics, ligatures, Greek accented letters, compatibility spaces and typographic
/// apostrophes to their base letters (lowercase). Why a table: the services run with InvariantGlobalization, where
/// <see cref="string.Normalize()"/> leaves text unchanged, so NFKD + mark stripping is precomputed here. The table
/// was generated from the Unicode NFKD decompositions of U+00A0–U+024F, U+0370–U+03FF, U+1E00–U+1EFF,
/// U+2000–U+206F and U+FB00–U+FB06 with combining marks removed, plus letters that have no decomposition
/// (ß, æ, ø, ł, đ, þ, œ, ı …) folded to their customary Latin spelling.
/// </summary>
internal static class DiacriticFoldTable
{
    // Entries are "<char><replacement>|": the first character is the source, the rest up to '|' its replacement.
    private const string Packed =
        "\u00A0 |\u00A8 |\u00AAa|\u00AF |\u00B22|\u00B33|\u00B4 |\u00B5\u03BC|\u00B8 |\u00B91|\u00BAo|\u00C0a|" +
        "\u00C1a|\u00C2a|\u00C3a|\u00C4a|\u00C5a|\u00C6ae|\u00C7c|\u00C8e|\u00C9e|\u00CAe|\u00CBe|\u00CCi|" +
        "\u00CDi|\u00CEi|\u00CFi|\u00D0d|\u00D1n|\u00D2o|\u00D3o|\u00D4o|\u00D5o|\u00D6o|\u00D8o|\u00D9u|" +
        "\u00DAu|\u00DBu|\u00DCu|\u00DDy|\u00DEth|\u00DFss|\u00E0a|\u00E1a|\u00E2a|\u00E3a|\u00E4a|\u00E5a|" +
        "\u00E6ae|\u00E7c|\u00E8e|\u00E9e|\u00EAe|\u00EBe|\u00ECi|\u00EDi|\u00EEi|\u00EFi|\u00F0d|\u00F1n|" +
        "\u00F2o|\u00F3o|\u00F4o|\u00F5o|\u00F6o|\u00F8o|\u00F9u|\u00FAu|\u00FBu|\u00FCu|\u00FDy|\u00FEth|" +
        "\u00FFy|\u0100a|\u0101a|\u0102a|\u0103a|\u0104a|\u0105a|\u0106c|\u0107c|\u0108c|\u0109c|\u010Ac|" +
        "\u010Bc|\u010Cc|\u010Dc|\u010Ed|\u010Fd|\u0110d|\u0111d|\u0112e|\u0113e|\u0114e|\u0115e|\u0116e|" +
        "\u0117e|\u0118e|\u0119e|\u011Ae|\u011Be|\u011Cg|\u011Dg|\u011Eg|\u011Fg|\u0120g|\u0121g|\u0122g|" +
        "\u0123g|\u0124h|\u0125h|\u0126h|\u0127h|\u0128i|\u0129i|\u012Ai|\u012Bi|\u012Ci|\u012Di|\u012Ei|" +
        "\u012Fi|\u0130i|\u0131i|\u0132ij|\u0133ij|\u0134j|\u0135j|\u0136k|\u0137k|\u0138k|\u0139l|\u013Al|" +
        "\u013Bl|\u013Cl|\u013Dl|\u013El|\u013Fl\u00B7|\u0140l\u00B7|\u0141l|\u0142l|\u0143n|\u0144n|\u0145n|\u0146n|" +
        "\u0147n|\u0148n|\u0149\u02BCn|\u014An|\u014Bn|\u014Co|\u014Do|\u014Eo|\u014Fo|\u0150o|\u0151o|\u0152oe|" +
        "\u0153oe|\u0154r|\u0155r|\u0156r|\u0157r|\u0158r|\u0159r|\u015As|\u015Bs|\u015Cs|\u015Ds|\u015Es|" +
        "\u015Fs|\u0160s|\u0161s|\u0162t|\u0163t|\u0164t|\u0165t|\u0166t|\u0167t|\u0168u|\u0169u|\u016Au|" +
        "\u016Bu|\u016Cu|\u016Du|\u016Eu|\u016Fu|\u0170u|\u0171u|\u0172u|\u0173u|\u0174w|\u0175w|\u0176y|" +
        "\u0177y|\u0178y|\u0179z|\u017Az|\u017Bz|\u017Cz|\u017Dz|\u017Ez|\u017Fs|\u0181\u0253|\u0182\u0183|\u0184\u0185|" +
        "\u0186o|\u0187\u0188|\u0189\u0256|\u018A\u0257|\u018B\u018C|\u018E\u01DD|\u018Fe|\u0190e|\u0191\u0192|\u0192f|\u0193\u0260|\u0194\u0263|" +
        "\u0196\u0269|\u0197\u0268|\u0198\u0199|\u019C\u026F|\u019D\u0272|\u019F\u0275|\u01A0o|\u01A1o|\u01A2\u01A3|\u01A4\u01A5|\u01A6\u0280|\u01A7\u01A8|" +
        "\u01A9\u0283|\u01AC\u01AD|\u01AE\u0288|\u01AFu|\u01B0u|\u01B1\u028A|\u01B2\u028B|\u01B3\u01B4|\u01B5\u01B6|\u01B7\u0292|\u01B8\u01B9|\u01BC\u01BD|" +
        "\u01C4dz|\u01C5dz|\u01C6dz|\u01C7lj|\u01C8lj|\u01C9lj|\u01CAnj|\u01CBnj|\u01CCnj|\u01CDa|\u01CEa|\u01CFi|" +
        "\u01D0i|\u01D1o|\u01D2o|\u01D3u|\u01D4u|\u01D5u|\u01D6u|\u01D7u|\u01D8u|\u01D9u|\u01DAu|\u01DBu|" +
        "\u01DCu|\u01DDe|\u01DEa|\u01DFa|\u01E0a|\u01E1a|\u01E2\u00E6|\u01E3\u00E6|\u01E4\u01E5|\u01E6g|\u01E7g|\u01E8k|" +
        "\u01E9k|\u01EAo|\u01EBo|\u01ECo|\u01EDo|\u01EE\u0292|\u01EF\u0292|\u01F0j|\u01F1dz|\u01F2dz|\u01F3dz|\u01F4g|" +
        "\u01F5g|\u01F6\u0195|\u01F7\u01BF|\u01F8n|\u01F9n|\u01FAa|\u01FBa|\u01FC\u00E6|\u01FD\u00E6|\u01FE\u00F8|\u01FF\u00F8|\u0200a|" +
        "\u0201a|\u0202a|\u0203a|\u0204e|\u0205e|\u0206e|\u0207e|\u0208i|\u0209i|\u020Ai|\u020Bi|\u020Co|" +
        "\u020Do|\u020Eo|\u020Fo|\u0210r|\u0211r|\u0212r|\u0213r|\u0214u|\u0215u|\u0216u|\u0217u|\u0218s|" +
        "\u0219s|\u021At|\u021Bt|\u021C\u021D|\u021Eh|\u021Fh|\u0220\u019E|\u0222\u0223|\u0224\u0225|\u0226a|\u0227a|\u0228e|" +
        "\u0229e|\u022Ao|\u022Bo|\u022Co|\u022Do|\u022Eo|\u022Fo|\u0230o|\u0231o|\u0232y|\u0233y|\u023B\u023C|" +
        "\u023D\u019A|\u0241\u0242|\u0243\u0180|\u0244\u0289|\u0245\u028C|\u0246\u0247|\u0248\u0249|\u024A\u024B|\u024C\u024D|\u024E\u024F|\u1E00a|\u1E01a|" +
        "\u1E02b|\u1E03b|\u1E04b|\u1E05b|\u1E06b|\u1E07b|\u1E08c|\u1E09c|\u1E0Ad|\u1E0Bd|\u1E0Cd|\u1E0Dd|" +
        "\u1E0Ed|\u1E0Fd|\u1E10d|\u1E11d|\u1E12d|\u1E13d|\u1E14e|\u1E15e|\u1E16e|\u1E17e|\u1E18e|\u1E19e|" +
        "\u1E1Ae|\u1E1Be|\u1E1Ce|\u1E1De|\u1E1Ef|\u1E1Ff|\u1E20g|\u1E21g|\u1E22h|\u1E23h|\u1E24h|\u1E25h|" +
        "\u1E26h|\u1E27h|\u1E28h|\u1E29h|\u1E2Ah|\u1E2Bh|\u1E2Ci|\u1E2Di|\u1E2Ei|\u1E2Fi|\u1E30k|\u1E31k|" +
        "\u1E32k|\u1E33k|\u1E34k|\u1E35k|\u1E36l|\u1E37l|\u1E38l|\u1E39l|\u1E3Al|\u1E3Bl|\u1E3Cl|\u1E3Dl|" +
        "\u1E3Em|\u1E3Fm|\u1E40m|\u1E41m|\u1E42m|\u1E43m|\u1E44n|\u1E45n|\u1E46n|\u1E47n|\u1E48n|\u1E49n|" +
        "\u1E4An|\u1E4Bn|\u1E4Co|\u1E4Do|\u1E4Eo|\u1E4Fo|\u1E50o|\u1E51o|\u1E52o|\u1E53o|\u1E54p|\u1E55p|" +
        "\u1E56p|\u1E57p|\u1E58r|\u1E59r|\u1E5Ar|\u1E5Br|\u1E5Cr|\u1E5Dr|\u1E5Er|\u1E5Fr|\u1E60s|\u1E61s|" +
        "\u1E62s|\u1E63s|\u1E64s|\u1E65s|\u1E66s|\u1E67s|\u1E68s|\u1E69s|\u1E6At|\u1E6Bt|\u1E6Ct|\u1E6Dt|" +
        "\u1E6Et|\u1E6Ft|\u1E70t|\u1E71t|\u1E72u|\u1E73u|\u1E74u|\u1E75u|\u1E76u|\u1E77u|\u1E78u|\u1E79u|" +
        "\u1E7Au|\u1E7Bu|\u1E7Cv|\u1E7Dv|\u1E7Ev|\u1E7Fv|\u1E80w|\u1E81w|\u1E82w|\u1E83w|\u1E84w|\u1E85w|" +
        "\u1E86w|\u1E87w|\u1E88w|\u1E89w|\u1E8Ax|\u1E8Bx|\u1E8Cx|\u1E8Dx|\u1E8Ey|\u1E8Fy|\u1E90z|\u1E91z|" +
        "\u1E92z|\u1E93z|\u1E94z|\u1E95z|\u1E96h|\u1E97t|\u1E98w|\u1E99y|\u1E9Aa\u02BE|\u1E9Bs|\u1E9Ess|\u1EA0a|" +
        "\u1EA1a|\u1EA2a|\u1EA3a|\u1EA4a|\u1EA5a|\u1EA6a|\u1EA7a|\u1EA8a|\u1EA9a|\u1EAAa|\u1EABa|\u1EACa|" +
        "\u1EADa|\u1EAEa|\u1EAFa|\u1EB0a|\u1EB1a|\u1EB2a|\u1EB3a|\u1EB4a|\u1EB5a|\u1EB6a|\u1EB7a|\u1EB8e|" +
        "\u1EB9e|\u1EBAe|\u1EBBe|\u1EBCe|\u1EBDe|\u1EBEe|\u1EBFe|\u1EC0e|\u1EC1e|\u1EC2e|\u1EC3e|\u1EC4e|" +
        "\u1EC5e|\u1EC6e|\u1EC7e|\u1EC8i|\u1EC9i|\u1ECAi|\u1ECBi|\u1ECCo|\u1ECDo|\u1ECEo|\u1ECFo|\u1ED0o|" +
        "\u1ED1o|\u1ED2o|\u1ED3o|\u1ED4o|\u1ED5o|\u1ED6o|\u1ED7o|\u1ED8o|\u1ED9o|\u1EDAo|\u1EDBo|\u1EDCo|" +
        "\u1EDDo|\u1EDEo|\u1EDFo|\u1EE0o|\u1EE1o|\u1EE2o|\u1EE3o|\u1EE4u|\u1EE5u|\u1EE6u|\u1EE7u|\u1EE8u|" +
        "\u1EE9u|\u1EEAu|\u1EEBu|\u1EECu|\u1EEDu|\u1EEEu|\u1EEFu|\u1EF0u|\u1EF1u|\u1EF2y|\u1EF3y|\u1EF4y|" +
        "\u1EF5y|\u1EF6y|\u1EF7y|\u1EF8y|\u1EF9y|\u0370\u0371|\u0372\u0373|\u0374\u02B9|\u0376\u0377|\u037A |\u037E;|\u037F\u03F3|" +
        "\u0384 |\u0385 |\u0386\u03B1|\u0387\u00B7|\u0388\u03B5|\u0389\u03B7|\u038A\u03B9|\u038C\u03BF|\u038E\u03C5|\u038F\u03C9|\u0390\u03B9|\u0391\u03B1|" +
        "\u0392\u03B2|\u0393\u03B3|\u0394\u03B4|\u0395\u03B5|\u0396\u03B6|\u0397\u03B7|\u0398\u03B8|\u0399\u03B9|\u039A\u03BA|\u039B\u03BB|\u039C\u03BC|\u039D\u03BD|" +
        "\u039E\u03BE|\u039F\u03BF|\u03A0\u03C0|\u03A1\u03C1|\u03A3\u03C3|\u03A4\u03C4|\u03A5\u03C5|\u03A6\u03C6|\u03A7\u03C7|\u03A8\u03C8|\u03A9\u03C9|\u03AA\u03B9|" +
        "\u03AB\u03C5|\u03AC\u03B1|\u03AD\u03B5|\u03AE\u03B7|\u03AF\u03B9|\u03B0\u03C5|\u03CA\u03B9|\u03CB\u03C5|\u03CC\u03BF|\u03CD\u03C5|\u03CE\u03C9|\u03CF\u03D7|" +
        "\u03D0\u03B2|\u03D1\u03B8|\u03D2\u03C5|\u03D3\u03C5|\u03D4\u03C5|\u03D5\u03C6|\u03D6\u03C0|\u03D8\u03D9|\u03DA\u03DB|\u03DC\u03DD|\u03DE\u03DF|\u03E0\u03E1|" +
        "\u03E2\u03E3|\u03E4\u03E5|\u03E6\u03E7|\u03E8\u03E9|\u03EA\u03EB|\u03EC\u03ED|\u03EE\u03EF|\u03F0\u03BA|\u03F1\u03C1|\u03F2\u03C2|\u03F4\u03B8|\u03F5\u03B5|" +
        "\u03F7\u03F8|\u03F9\u03C3|\u03FA\u03FB|\u03FD\u037B|\u03FE\u037C|\u03FF\u037D|\u2000 |\u2001 |\u2002 |\u2003 |\u2004 |\u2005 |" +
        "\u2006 |\u2007 |\u2008 |\u2009 |\u200A |\u2017 |\u2018'|\u2019'|\u2024.|\u2025..|\u2026...|\u202F |" +
        "\u203C!!|\u203E |\u2047??|\u2048?!|\u2049!?|\u205F |\uFB00ff|\uFB01fi|\uFB02fl|\uFB03ffi|\uFB04ffl|\uFB05st|" +
        "\uFB06st|";

    private static readonly string?[] Map = Build();

    /// <summary>The folded (lowercase) replacement of <paramref name="c"/>, or null when the table has none.</summary>
    public static string? Fold(char c) => c < Map.Length ? Map[c] : FoldHigh(c);

    private static string? FoldHigh(char c)
    {
        // Presentation ligatures (ﬀ, ﬁ …) sit far above the dense part of the table.
        return c switch
        {
            '\uFB00' => "ff",
            '\uFB01' => "fi",
            '\uFB02' => "fl",
            '\uFB03' => "ffi",
            '\uFB04' => "ffl",
            '\uFB05' or '\uFB06' => "st",
            >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)).ToString(),
            _ => null,
        };
    }

    private static string?[] Build()
    {
        var map = new string?[0x2070];
        foreach (var item in Packed.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (item[0] < map.Length)
            {
                map[item[0]] = item[1..];
            }
        }

        return map;
    }
}
