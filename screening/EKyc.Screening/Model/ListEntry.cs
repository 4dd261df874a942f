namespace EKyc.Screening.Model;

/// <summary>Which published list an entry came from.</summary>
public enum ListSource
{
    OfacSdn,
    UnConsolidated,
    EuConsolidated,
    BisDeniedPersons,
}

/// <summary>What kind of party an entry names. Unknown when the source does not say (the BIS list mixes both).</summary>
public enum EntryType
{
    Unknown,
    Individual,
    Entity,
    Vessel,
    Aircraft,
}

/// <summary>
/// How reliable an alias is, where the source says: OFAC puts strong akas in alt.csv and weak ones in quotes in the
/// remarks; the UN marks aliases Good or Low; the EU flags each name alias strong="true|false".
/// </summary>
public enum AliasQuality
{
    Unspecified,
    Strong,
    Weak,
}

/// <summary>One alternative name of a listed party.</summary>
/// <param name="Kind">aka, fka (formerly known as), nka (now known as), as the source labels it.</param>
public sealed record ListAlias(string Name, AliasQuality Quality, string Kind = "aka");

/// <summary>An identifying document or registration number printed on the list (passport, IMO, tax id …).</summary>
/// <param name="Type">A stable lowercase code: passport, national_id, tax_id, registration, imo, mmsi, call_sign …</param>
public sealed record EntryIdentifier(string Type, string Value, string? Country = null);

/// <summary>
/// A date of birth as precise as the list gives it: a full date, a month and year, a year, or a range of years
/// ("circa 1960", "1960 to 1962"). Never filled in beyond what the source states.
/// </summary>
public sealed record PartialDate(int Year, int? Month = null, int? Day = null, int? ToYear = null, bool Approximate = false)
{
    public override string ToString() =>
        ToYear is { } to ? $"{Year}–{to}"
        : Day is { } d && Month is { } m ? $"{Year:D4}-{m:D2}-{d:D2}"
        : Month is { } mo ? $"{Year:D4}-{mo:D2}"
        : Approximate ? $"circa {Year}" : $"{Year}";
}

/// <summary>One listed party, in the same shape whatever list it came from.</summary>
public sealed record ListEntry
{
    public required ListSource Source { get; init; }

    /// <summary>The source's own id: OFAC ent_num, UN reference number, EU logical id, BIS row number.</summary>
    public required string ListId { get; init; }

    public required EntryType Type { get; init; }

    public required string PrimaryName { get; init; }

    public IReadOnlyList<ListAlias> Aliases { get; init; } = [];

    public IReadOnlyList<PartialDate> BirthDates { get; init; } = [];

    /// <summary>Places of birth and addresses as printed (street, city, country joined).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Countries the party is tied to by address (lets a residence country confirm or rule out).</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Nationalities / citizenships of a person, or the flag of a vessel.</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];

    public IReadOnlyList<string> Programs { get; init; } = [];

    public IReadOnlyList<EntryIdentifier> Identifiers { get; init; } = [];

    public string? Remarks { get; init; }
}
