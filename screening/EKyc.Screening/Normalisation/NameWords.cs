namespace EKyc.Screening.Normalisation;

/// <summary>
/// Word lists that decide how a token counts. Honorifics and legal forms say nothing about who a party is, so they are
/// dropped ("Dr AL ZAWAHIRI", "ANGLO-CARIBBEAN CO., LTD."); particles and generic business words stay but weigh
/// little, so "CARIBBEAN TRADING" does not match "PACIFIC TRADING" on the shared word alone.
/// </summary>
internal static class NameWords
{
    public static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        // honorifics and titles
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "madam", "mme", "mlle", "herr",
        "frau", "sr", "sra", "srta", "rev", "hon", "esq", "jr", "snr", "jnr",
        // legal forms
        "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "llp", "lp",
        "sa", "sas", "sarl", "srl", "spa", "sl", "ag", "gmbh", "kg", "bv", "nv", "ab", "oy", "oyj", "jsc", "ojsc",
        "cjsc", "pjsc", "pao", "oao", "zao", "ooo", "fze", "fzco", "fzc", "fzllc", "pte", "pty", "bhd", "sdn",
        "cia", "ltda", "cv",
        // connecting words
        "the", "of", "and", "for",
    };

    public static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "bint", "ben", "ould",
        "de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "la", "le", "y",
    };

    public static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "trading", "trade", "international", "intl", "group", "holding", "holdings", "general", "global",
        "industries", "industrial", "industry", "services", "service", "enterprise", "enterprises", "organization",
        "organisation", "foundation", "association", "commercial", "import", "export", "investment", "investments",
        "shipping", "finance", "financial", "development", "bank", "agency", "center", "centre", "society",
        "institute", "national", "union", "office", "committee", "network", "solutions", "business", "management",
    };

    // Long legal-form words, recognised even when misspelt ("COMAPNY", "LIIMTED"): a typo there says nothing about
    // identity either. Only long words: a short word this close to "company" is not likely.
    private static readonly string[] LongLegalForms = ["company", "limited", "corporation", "incorporated", "sociedad", "compania"];

    public static bool IsMisspeltLegalForm(string token)
    {
        if (token.Length < 6)
        {
            return false;
        }

        foreach (var form in LongLegalForms)
        {
            if (Math.Abs(form.Length - token.Length) <= 1 && JaroWinkler.Similarity(token, form) >= 0.93)
            {
                return true;
            }
        }

        return false;
    }
}
