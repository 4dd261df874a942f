using System.Globalization;
using System.Text.Json;
using EKyc.Screening.Matching;
using EKyc.Screening.Model;

namespace EKyc.Screening.Evaluation;

/// <summary>What a labelled case expects: the target must be a hit (match/possible) or must not be (no_match).</summary>
public enum ExpectedOutcome
{
    Match,
    Possible,
    NoMatch,
}

/// <summary>
/// One case of name_matching/watchman_screening_cases.json, turned into a query, the list it runs against and the
/// list id that must (or must not) come back as a hit.
/// </summary>
/// <param name="ListFolder">The shared-data folder the case refers to, or null for a case that carries its own
/// one-record index (<paramref name="OwnEntry"/>).</param>
/// <param name="Address">The query's address, for display.</param>
public sealed record LabelledCase(
    string Id,
    ExpectedOutcome Expected,
    ScreeningQuery Query,
    string? ListFolder,
    string TargetId,
    ListEntry? OwnEntry,
    string? Address)
{
    public bool MustMatch => Expected != ExpectedOutcome.NoMatch;


    public static IReadOnlyList<LabelledCase> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<LabelledCase>();
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            var list = c.TryGetProperty("list", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            var query = c.GetProperty("query");
            var target = Str(c, "expected_top_sdn") ?? Str(c, "candidate_sdn") ?? Str(c, "expected_top_address_entity") ?? "own";
            var own = OwnEntryOf(c);
            cases.Add(new LabelledCase(id, Outcome(Str(c, "expected_outcome")!), QueryOf(query), list, target, own, Str(query, "address")));

            if (c.TryGetProperty("extra_negative", out var extra))
            {
                cases.Add(new LabelledCase(
                    id + "/extra-negative", Outcome(Str(extra, "expected_outcome")!), QueryOf(extra.GetProperty("query")), list, target, own, null));
            }
        }

        return cases;
    }

    private static ScreeningQuery QueryOf(JsonElement q)
    {
        var identifiers = new List<QueryIdentifier>();
        foreach (var (field, type) in new[] { ("email", "email"), ("taxId", "tax_id"), ("businessRegistration", "registration"), ("imo", "imo"), ("callSign", "call_sign"), ("mmsi", "mmsi") })
        {
            if (Str(q, field) is { } value)
            {
                // "9709063550 (Russia)": the number without its issuing country, as the list stores it.
                var open = value.IndexOf(" (", StringComparison.Ordinal);
                identifiers.Add(new QueryIdentifier(type, open > 0 ? value[..open] : value));
            }
        }

        return new ScreeningQuery
        {
            FullName = Str(q, "name") ?? Str(q, "q") ?? Str(q, "altName") ?? "",
            Type = Str(q, "type") switch
            {
                "person" => EntryType.Individual,
                "business" or "organization" => EntryType.Entity,
                "vessel" => EntryType.Vessel,
                "aircraft" => EntryType.Aircraft,
                _ => null,
            },
            BirthDate = Str(q, "birthDate") is { } dob ? DateOnly.ParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Nationality = Str(q, "flag"),
            Country = Str(q, "country"),
            Address = Str(q, "address"),
            Identifiers = identifiers,
        };
    }

    // Cases without a list carry the record they compare against: "index_name" (with "[alt names: …]" or
    // "[former name: …]") or "index_entry" {SDNName, SDNType}.
    private static ListEntry? OwnEntryOf(JsonElement c)
    {
        string? text = null;
        var type = EntryType.Unknown;
        if (Str(c, "index_name") is { } indexName)
        {
            text = indexName;
        }
        else if (c.TryGetProperty("index_entry", out var entry))
        {
            text = Str(entry, "SDNName");
            type = string.Equals(Str(entry, "SDNType"), "INDIVIDUAL", StringComparison.OrdinalIgnoreCase) ? EntryType.Individual : EntryType.Unknown;
        }

        if (text is null)
        {
            return null;
        }

        var aliases = new List<ListAlias>();
        var bracket = text.IndexOf(" [", StringComparison.Ordinal);
        var primary = bracket > 0 ? text[..bracket] : text;
        if (bracket > 0)
        {
            var inner = text[(bracket + 2)..].TrimEnd(']');
            var colon = inner.IndexOf(':', StringComparison.Ordinal);
            var kind = inner.StartsWith("former", StringComparison.Ordinal) ? "fka" : "aka";
            aliases.AddRange(inner[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(a => new ListAlias(a, AliasQuality.Unspecified, kind)));
        }

        return new ListEntry { Source = ListSource.OfacSdn, ListId = "own", Type = type, PrimaryName = primary, Aliases = aliases };
    }

    private static ExpectedOutcome Outcome(string text) =>
        text.StartsWith("no_match", StringComparison.Ordinal) ? ExpectedOutcome.NoMatch
        : text == "possible" ? ExpectedOutcome.Possible
        : ExpectedOutcome.Match;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
