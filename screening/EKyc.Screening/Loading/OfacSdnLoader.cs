using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>
/// Loads the OFAC SDN list in its legacy CSV form: sdn.csv (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
/// Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), alt.csv (ent_num, alt_num, alt_type, alt_name,
/// alt_remarks) and add.csv (ent_num, add_num, address, city/state/postal, country, add_remarks). No header row;
/// "-0-" marks a null. alt.csv and add.csv are optional: a missing one loads the primary names only.
/// </summary>
public static class OfacSdnLoader
{
    public static ListLoadResult Load(string directory)
    {
        var sdnFile = ListFile.TryRead(Path.Combine(directory, "sdn.csv"));
        if (sdnFile is null)
        {
            return ListLoadResult.Failure(ScreeningError.FileMissing(Path.Combine(directory, "sdn.csv")));
        }

        var altFile = ListFile.TryRead(Path.Combine(directory, "alt.csv"));
        var addFile = ListFile.TryRead(Path.Combine(directory, "add.csv"));

        var aliases = new Dictionary<string, List<ListAlias>>(StringComparer.Ordinal);
        foreach (var record in altFile is null ? [] : CsvRecordReader.Read(altFile.Text))
        {
            if (CsvRecordReader.Value(record, 0) is { } id && CsvRecordReader.Value(record, 3) is { } name)
            {
                var kind = CsvRecordReader.Value(record, 2)?.ToLowerInvariant() ?? "aka";
                Bucket(aliases, id).Add(new ListAlias(name, AliasQuality.Strong, kind));
            }
        }

        var places = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var countries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in addFile is null ? [] : CsvRecordReader.Read(addFile.Text))
        {
            if (CsvRecordReader.Value(record, 0) is not { } id)
            {
                continue;
            }

            var parts = new[] { CsvRecordReader.Value(record, 2), CsvRecordReader.Value(record, 3), CsvRecordReader.Value(record, 4) };
            var place = string.Join(", ", parts.Where(p => p is not null));
            if (place.Length > 0)
            {
                Bucket(places, id).Add(place);
            }

            if (CsvRecordReader.Value(record, 4) is { } country)
            {
                Bucket(countries, id).Add(country);
            }
        }

        var entries = new List<ListEntry>();
        foreach (var record in CsvRecordReader.Read(sdnFile.Text))
        {
            if (record.Length < 12)
            {
                return ListLoadResult.Failure(ScreeningError.Malformed(sdnFile.FileName, $"a record has {record.Length} fields, 12 expected"));
            }

            if (CsvRecordReader.Value(record, 0) is not { } id || CsvRecordReader.Value(record, 1) is not { } name)
            {
                continue;
            }

            entries.Add(Entry(record, id, name, aliases, places, countries));
        }

        var versions = new List<ListVersion> { sdnFile.Version(ListSource.OfacSdn, null, entries.Count) };
        if (altFile is not null)
        {
            versions.Add(altFile.Version(ListSource.OfacSdn, null, aliases.Values.Sum(a => a.Count)));
        }

        if (addFile is not null)
        {
            versions.Add(addFile.Version(ListSource.OfacSdn, null, places.Values.Sum(a => a.Count)));
        }

        return ListLoadResult.Success(new LoadedList(ListSource.OfacSdn, entries, versions));
    }

    private static ListEntry Entry(
        string[] record,
        string id,
        string name,
        Dictionary<string, List<ListAlias>> aliases,
        Dictionary<string, List<string>> places,
        Dictionary<string, List<string>> countries)
    {
        var remarksText = CsvRecordReader.Value(record, 11);
        var remarks = OfacRemarks.Parse(remarksText);
        var type = CsvRecordReader.Value(record, 2)?.ToLowerInvariant() switch
        {
            "individual" => EntryType.Individual,
            "vessel" => EntryType.Vessel,
            "aircraft" => EntryType.Aircraft,
            _ => EntryType.Entity, // OFAC leaves SDN_Type null for companies and organisations.
        };

        var identifiers = new List<EntryIdentifier>(remarks.Identifiers);
        if (CsvRecordReader.Value(record, 5) is { } callSign)
        {
            identifiers.Add(new EntryIdentifier("call_sign", callSign));
        }

        var nationalities = new List<string>(remarks.Nationalities);
        if (CsvRecordReader.Value(record, 9) is { } flag)
        {
            nationalities.Add(flag); // a vessel's flag state is its nationality
        }

        var allAliases = new List<ListAlias>(aliases.GetValueOrDefault(id) ?? []);
        allAliases.AddRange(remarks.WeakAliases);

        return new ListEntry
        {
            Source = ListSource.OfacSdn,
            ListId = id,
            Type = type,
            PrimaryName = name,
            Aliases = allAliases,
            BirthDates = remarks.BirthDates,
            Places = [.. remarks.BirthPlaces, .. places.GetValueOrDefault(id) ?? []],
            Countries = countries.GetValueOrDefault(id) ?? [],
            Nationalities = nationalities,
            Programs = SplitPrograms(CsvRecordReader.Value(record, 3)),
            Identifiers = identifiers,
            Remarks = remarksText,
        };
    }

    // Several programs are joined as "SDGT] [IFSR" (the file drops the outer brackets).
    private static string[] SplitPrograms(string? text) =>
        text is null ? [] : text.Split(["] [", "]", "["], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<T> Bucket<T>(Dictionary<string, List<T>> map, string id)
    {
        if (!map.TryGetValue(id, out var list))
        {
            list = [];
            map[id] = list;
        }

        return list;
    }
}
