using EKyc.Screening.Model;
using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Matching;

/// <summary>
/// Facts besides the name that confirm a hit (raise its score) or rule it out (lower it). Each adjustment is recorded
/// with a code so a reviewer sees why a score moved. Facts the list does not state change nothing: a missing date of
/// birth on the list is no evidence either way.
/// </summary>
public static class AttributeEvidence
{
    public const double DobExact = 0.08;
    public const double DobYear = 0.04;
    public const double DobMonthDayDiffer = -0.05;
    public const double DobMismatch = -0.25;
    public const double NationalityMatch = 0.05;
    public const double NationalityMismatch = -0.10;
    public const double CountryMatch = 0.03;
    public const double CountryMismatch = -0.10;
    public const double AddressMatch = 0.03;
    public const double IdentifierMatchFloor = 0.95;
    public const double IdentifierConflict = -0.30;
    public const double WeakAlias = -0.05;

    // Identifiers that belong to exactly one party: a different value on the list means a different party.
    // People hold several passports and national ids, so a different passport number rules nothing out.
    private static readonly HashSet<string> UniqueIdentifierTypes = new(StringComparer.Ordinal) { "imo", "mmsi", "call_sign", "tax_id", "registration" };

    /// <summary>The largest total raise the query's facts could bring (used to prune candidates safely).</summary>
    public static double MaxRaise(ScreeningQuery query) =>
        (query.BirthDate is null ? 0 : DobExact) + (query.Nationality is null ? 0 : NationalityMatch) + (query.Country is null ? 0 : CountryMatch)
        + (query.Address is null ? 0 : AddressMatch);

    public static void BirthDate(DateOnly? query, ListEntry entry, List<ScoreAdjustment> into)
    {
        if (query is not { } dob || entry.BirthDates.Count == 0)
        {
            return;
        }

        // The most favourable of the listed dates counts: lists give alternatives ("alt. DOB").
        ScoreAdjustment? best = null;
        foreach (var listed in entry.BirthDates)
        {
            var candidate = Compare(dob, listed);
            if (best is null || candidate.Delta > best.Delta)
            {
                best = candidate;
            }
        }

        into.Add(best!);
    }

    private static ScoreAdjustment Compare(DateOnly dob, PartialDate listed)
    {
        var text = $"query {dob:yyyy-MM-dd}, listed {listed}";
        if (listed.ToYear is { } to)
        {
            return dob.Year >= listed.Year && dob.Year <= to
                ? new ScoreAdjustment("dob_year", DobYear, text)
                : new ScoreAdjustment("dob_mismatch", DobMismatch, text);
        }

        if (dob.Year != listed.Year)
        {
            return listed.Approximate && Math.Abs(dob.Year - listed.Year) <= 1
                ? new ScoreAdjustment("dob_year", 0, text + ", within a year of an approximate date")
                : new ScoreAdjustment("dob_mismatch", DobMismatch, text);
        }

        if (listed.Month is not { } month)
        {
            return new ScoreAdjustment("dob_year", DobYear, text);
        }

        if (month != dob.Month || (listed.Day is { } day && day != dob.Day))
        {
            return new ScoreAdjustment("dob_month_day_differ", DobMonthDayDiffer, text);
        }

        return listed.Day is null
            ? new ScoreAdjustment("dob_year", DobYear, text)
            : new ScoreAdjustment("dob_exact", DobExact, text);
    }

    public static void Nationality(string? query, ListEntry entry, List<ScoreAdjustment> into)
    {
        if (query is null || entry.Nationalities.Count == 0)
        {
            return;
        }

        var wanted = CountryNames.Canonical(query);
        var listed = entry.Nationalities.Select(CountryNames.Canonical).ToList();
        into.Add(listed.Contains(wanted)
            ? new ScoreAdjustment("nationality_match", NationalityMatch, wanted)
            : new ScoreAdjustment("nationality_mismatch", NationalityMismatch, $"query {wanted}, listed {string.Join("/", listed.Distinct())}"));
    }

    public static void Country(string? query, ListEntry entry, List<ScoreAdjustment> into)
    {
        if (query is null || entry.Countries.Count + entry.Nationalities.Count == 0)
        {
            return;
        }

        var wanted = CountryNames.Canonical(query);
        var listed = entry.Countries.Concat(entry.Nationalities).Select(CountryNames.Canonical).Distinct().ToList();
        into.Add(listed.Contains(wanted)
            ? new ScoreAdjustment("country_match", CountryMatch, wanted)
            : new ScoreAdjustment("country_mismatch", CountryMismatch, $"query {wanted}, listed {string.Join("/", listed)}"));
    }

    /// <summary>
    /// A listed address that contains the query's address confirms (a listed address carries city and country the
    /// query may leave out, so only the query side must be covered); a different one proves nothing (people move).
    /// </summary>
    public static void Address(string? query, ListEntry entry, double tokenThreshold, List<ScoreAdjustment> into)
    {
        if (string.IsNullOrWhiteSpace(query) || entry.Places.Count == 0)
        {
            return;
        }

        var wanted = NameNormalizer.Tokenize(query);
        var best = entry.Places.Select(p => (Place: p, Match: NameScorer.Score(wanted, NameNormalizer.Tokenize(p), tokenThreshold)))
            .MaxBy(p => p.Match.QueryCoverage);
        if (best.Match.QueryCoverage >= 0.8)
        {
            into.Add(new ScoreAdjustment("address_match", AddressMatch, best.Place));
        }
    }

    /// <summary>An identifier match; or, for identifiers unique to one party, a conflicting value.</summary>
    public static void Identifiers(IReadOnlyList<QueryIdentifier> query, ListEntry entry, List<ScoreAdjustment> into)
    {
        foreach (var wanted in query)
        {
            var key = IdentifierKey(wanted.Type, wanted.Value);
            var sameType = entry.Identifiers.Where(i => string.Equals(i.Type, wanted.Type, StringComparison.Ordinal)).ToList();
            if (sameType.Any(i => IdentifierKey(i.Type, i.Value) == key))
            {
                into.Add(new ScoreAdjustment("identifier_match", 0, $"{wanted.Type} equal"));
            }
            else if (sameType.Count > 0 && UniqueIdentifierTypes.Contains(wanted.Type))
            {
                into.Add(new ScoreAdjustment("identifier_conflict", IdentifierConflict, $"{wanted.Type} differs"));
            }
        }
    }

    /// <summary>Identifier values compared without spaces, dashes or dots, case-insensitively.</summary>
    public static string IdentifierKey(string type, string value)
    {
        Span<char> buffer = stackalloc char[Math.Min(value.Length, 256)];
        var n = 0;
        foreach (var c in value.AsSpan(0, buffer.Length))
        {
            if (char.IsLetterOrDigit(c) || (type == "email" && c is '@' or '.' or '_' or '+'))
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        return type + ":" + new string(buffer[..n]);
    }
}
