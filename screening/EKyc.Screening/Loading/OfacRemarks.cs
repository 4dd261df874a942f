using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>
/// The structured facts OFAC packs into the free-text Remarks column, separated by semicolons:
/// "DOB 28 Jul 1963; POB Toledo District, Belize; nationality Russia; Passport P0017003 (Belize); a.k.a. 'X'".
/// </summary>
internal sealed class OfacRemarks
{
    // Label → identifier type. Longer labels first so "Business Registration Number" wins over "Registration Number".
    private static readonly (string Label, string Type)[] IdentifierLabels =
    [
        ("Identification Number IMO", "imo"),
        ("Vessel Registration Identification IMO", "imo"),
        ("Business Registration Document #", "registration"),
        ("Business Registration Number", "registration"),
        ("Commercial Registry Number", "registration"),
        ("Registration Number", "registration"),
        ("Registration ID", "registration"),
        ("UK Company Number", "registration"),
        ("Company Number", "registration"),
        ("National Foreign ID Number", "national_id"),
        ("National ID No.", "national_id"),
        ("Personal ID", "national_id"),
        ("Cedula No.", "national_id"),
        ("Tax ID No.", "tax_id"),
        ("V.A.T. Number", "tax_id"),
        ("NIT #", "tax_id"),
        ("Travel Document Number", "travel_document"),
        ("Passport", "passport"),
        ("SSN", "ssn"),
        ("IMO", "imo"),
        ("MMSI", "mmsi"),
        ("Email Address", "email"),
    ];

    public List<PartialDate> BirthDates { get; } = [];

    public List<string> BirthPlaces { get; } = [];

    public List<string> Nationalities { get; } = [];

    public List<ListAlias> WeakAliases { get; } = [];

    public List<EntryIdentifier> Identifiers { get; } = [];

    public static OfacRemarks Parse(string? remarks)
    {
        var result = new OfacRemarks();
        if (remarks is null)
        {
            return result;
        }

        foreach (var raw in remarks.Split(';'))
        {
            var part = raw.Trim().TrimEnd('.').Trim();
            if (part.StartsWith("alt. ", StringComparison.Ordinal))
            {
                part = part[5..];
            }

            result.Take(part);
        }

        return result;
    }

    private void Take(string part)
    {
        if (TryAfter(part, "DOB ", out var dob))
        {
            if (BirthDateText.Parse(dob) is { } date)
            {
                BirthDates.Add(date);
            }
        }
        else if (TryAfter(part, "POB ", out var pob))
        {
            BirthPlaces.Add(pob);
        }
        else if (TryAfter(part, "nationality ", out var nationality) || TryAfter(part, "citizen ", out nationality))
        {
            Nationalities.Add(nationality);
        }
        else if (TryAfter(part, "a.k.a. ", out var aka) || TryAfter(part, "f.k.a. ", out aka) || TryAfter(part, "n.k.a. ", out aka))
        {
            // OFAC prints only its weak aliases in the remarks, in single quotes; strong ones are in alt.csv.
            var name = aka.Trim().Trim('\'').Trim();
            if (name.Length > 0)
            {
                WeakAliases.Add(new ListAlias(name, AliasQuality.Weak, part[..5].Replace(".", "", StringComparison.Ordinal)));
            }
        }
        else
        {
            foreach (var (label, type) in IdentifierLabels)
            {
                if (TryAfter(part, label + " ", out var value))
                {
                    Identifiers.Add(Identifier(type, value));
                    break;
                }
            }
        }
    }

    private static EntryIdentifier Identifier(string type, string value)
    {
        // "2018278055 (Russia)" → value and issuing country.
        var open = value.LastIndexOf('(');
        if (open > 0 && value.EndsWith(')'))
        {
            return new EntryIdentifier(type, value[..open].Trim(), value[(open + 1)..^1].Trim());
        }

        return new EntryIdentifier(type, value.Trim());
    }

    private static bool TryAfter(string part, string label, out string value)
    {
        if (part.StartsWith(label, StringComparison.Ordinal) && part.Length > label.Length)
        {
            value = part[label.Length..].Trim();
            return true;
        }

        value = "";
        return false;
    }
}
