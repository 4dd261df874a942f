using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Matching;

/// <summary>
/// Brings the different ways lists and applicants name a country to one spelling: "Russian Federation", "RU" and
/// "RUS" are all russia. Covers ISO 3166 codes and long forms of the countries that recur on the sanctions lists,
/// plus a few demonyms the OFAC remarks use; any other name is compared as normalised text.
/// </summary>
public static class CountryNames
{
    private static readonly Dictionary<string, string> Aliases = Build(
        ("russia", "ru|rus|russian federation|russian"),
        ("iran", "ir|irn|iran islamic republic|islamic republic iran|iranian"),
        ("syria", "sy|syr|syrian arab republic|syrian"),
        ("north korea", "kp|prk|democratic peoples republic korea|korea democratic peoples republic|dprk|korea north|north korean"),
        ("south korea", "kr|kor|republic korea|korea republic|korea south|south korean"),
        ("united states", "us|usa|united states america|america|american"),
        ("united kingdom", "gb|gbr|uk|great britain|britain|united kingdom great britain northern ireland|british"),
        ("switzerland", "ch|che|swiss"),
        ("germany", "de|deu|german"),
        ("france", "fr|fra|french"),
        ("spain", "es|esp|spanish"),
        ("italy", "it|ita|italian"),
        ("netherlands", "nl|nld|holland|dutch"),
        ("belgium", "be|bel|belgian"),
        ("austria", "at|aut|austrian"),
        ("ukraine", "ua|ukr|ukrainian"),
        ("belarus", "by|blr|belarusian"),
        ("china", "cn|chn|peoples republic china|chinese"),
        ("hong kong", "hk|hkg"),
        ("united arab emirates", "ae|are|uae|emirati"),
        ("turkey", "tr|tur|turkiye|turkish"),
        ("afghanistan", "af|afg|afghan"),
        ("iraq", "iq|irq|iraqi"),
        ("libya", "ly|lby|libyan"),
        ("yemen", "ye|yem|yemeni"),
        ("somalia", "so|som|somali"),
        ("sudan", "sd|sdn|sudanese"),
        ("south sudan", "ss|ssd"),
        ("lebanon", "lb|lbn|lebanese"),
        ("saudi arabia", "sa|sau|saudi"),
        ("pakistan", "pk|pak|pakistani"),
        ("india", "in|ind|indian"),
        ("egypt", "eg|egy|egyptian"),
        ("jordan", "jo|jor|jordanian"),
        ("kuwait", "kw|kwt|kuwaiti"),
        ("qatar", "qa|qat|qatari"),
        ("mali", "ml|mli|malian"),
        ("nigeria", "ng|nga|nigerian"),
        ("democratic republic congo", "cd|cod|drc|congo democratic republic|congo kinshasa"),
        ("central african republic", "cf|caf|car"),
        ("cuba", "cu|cub|cuban"),
        ("venezuela", "ve|ven|venezuela bolivarian republic|bolivarian republic venezuela|venezuelan"),
        ("colombia", "co|col|colombian"),
        ("mexico", "mx|mex|mexican"),
        ("panama", "pa|pan|panamanian"),
        ("belize", "bz|blz|belizean"),
        ("gabon", "ga|gab|gabonese"),
        ("liberia", "lr|lbr|liberian"),
        ("indonesia", "id|idn|indonesian"),
        ("philippines", "ph|phl|filipino"),
        ("tunisia", "tn|tun|tunisian"),
        ("algeria", "dz|dza|algerian"),
        ("morocco", "ma|mar|moroccan"),
        ("palestinian territories", "ps|pse|palestinian|palestine|west bank|gaza"));

    /// <summary>A comparable form of a country name or code.</summary>
    public static string Canonical(string country)
    {
        var key = string.Join(' ', NameNormalizer.Tokenize(country).Select(t => t.Text));
        return Aliases.TryGetValue(key, out var canonical) ? canonical : key;
    }

    private static Dictionary<string, string> Build(params (string Canonical, string Forms)[] countries)
    {
        // Forms are '|'-separated and already in normalised form (lowercase, "of"/"the" dropped), like input after
        // Canonical's own normalisation.
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, forms) in countries)
        {
            map[canonical] = canonical;
            foreach (var form in forms.Split('|'))
            {
                map.TryAdd(form, canonical);
            }
        }

        return map;
    }
}
