namespace EKyc.Documents.Synthetic;

/// <summary>
/// The holder names synthetic documents carry: only names published as specimen data, never an invented person.
/// ICAO 9303's own specimen holder (Part 4–6 examples), the German specimen person used on every German specimen
/// document, and the generic SPECIMEN placeholder issuers print on sample documents.
/// </summary>
public static class SpecimenHolders
{
    public static IReadOnlyList<(string Surname, string GivenNames)> All { get; } =
    [
        ("ERIKSSON", "ANNA MARIA"),
        ("MUSTERMANN", "ERIKA"),
        ("SPECIMEN", "SPECIMEN"),
        ("SPECIMEN", "SAMPLE"),
    ];
}
