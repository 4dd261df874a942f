using EKyc.Screening.Model;

namespace EKyc.Screening.Matching;

/// <summary>An identifier the applicant or counterparty gave (passport, IMO number, tax id, e-mail …).</summary>
/// <param name="Type">One of the codes used on <see cref="EntryIdentifier.Type"/>: passport, national_id, tax_id,
/// registration, imo, mmsi, call_sign, email, ssn.</param>
public sealed record QueryIdentifier(string Type, string Value);

/// <summary>Who to screen. Only the name is required; every other field can confirm or rule out a hit.</summary>
public sealed record ScreeningQuery
{
    public required string FullName { get; init; }

    /// <summary>Individual, Entity, Vessel or Aircraft: entries of another known type are never hits.</summary>
    public EntryType? Type { get; init; }

    public DateOnly? BirthDate { get; init; }

    /// <summary>Nationality (or a vessel's flag) as a country name or ISO 3166 alpha-2/alpha-3 code.</summary>
    public string? Nationality { get; init; }

    /// <summary>Country of residence or registration, compared with the list's address countries.</summary>
    public string? Country { get; init; }

    /// <summary>A postal address: confirms a name hit whose listed address matches, or, given without a name,
    /// is screened against the listed addresses.</summary>
    public string? Address { get; init; }

    public IReadOnlyList<QueryIdentifier> Identifiers { get; init; } = [];
}
