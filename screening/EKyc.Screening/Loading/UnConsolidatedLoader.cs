using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>
/// Loads the UN Security Council Consolidated List XML (CONSOLIDATED_LIST with INDIVIDUALS/INDIVIDUAL and
/// ENTITIES/ENTITY). Names are FIRST_NAME … FOURTH_NAME; aliases carry QUALITY Good/Low (individuals) or
/// a.k.a./f.k.a. (entities); NAME_ORIGINAL_SCRIPT becomes an alias so a query in Arabic or Cyrillic can match it.
/// </summary>
public static class UnConsolidatedLoader
{
    private static readonly string[] NameElements = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    private static readonly string[] PlaceElements = ["STREET", "CITY", "STATE_PROVINCE", "COUNTRY"];

    public static ListLoadResult Load(string path)
    {
        if (ListFile.ReadXml(path, "CONSOLIDATED_LIST", out var failure) is not var (file, root)) return failure!;

        var entries = new List<ListEntry>();
        entries.AddRange(root.Descendants("INDIVIDUAL").Select(Individual));
        entries.AddRange(root.Descendants("ENTITY").Select(Entity));

        DateTimeOffset? generated = DateTimeOffset.TryParse(
            (string?)root.Attribute("dateGenerated"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var g) ? g : null;
        var version = file.Version(ListSource.UnConsolidated, generated, entries.Count);
        return ListLoadResult.Success(new LoadedList(ListSource.UnConsolidated, entries, [version]));
    }

    private static ListEntry Individual(XElement e)
    {
        var name = string.Join(' ', NameElements
            .Select(n => Text(e, n)).Where(n => n is not null));
        var aliases = Aliases(e, "INDIVIDUAL_ALIAS");
        if (Text(e, "NAME_ORIGINAL_SCRIPT") is { } original)
        {
            aliases.Add(new ListAlias(original, AliasQuality.Strong, "original_script"));
        }

        var places = e.Elements("INDIVIDUAL_PLACE_OF_BIRTH").Select(Place)
            .Concat(e.Elements("INDIVIDUAL_ADDRESS").Select(Place))
            .Where(p => p.Length > 0).ToList();

        var identifiers = e.Elements("INDIVIDUAL_DOCUMENT")
            .Where(d => Text(d, "NUMBER") is not null)
            .Select(d => new EntryIdentifier(DocumentType(Text(d, "TYPE_OF_DOCUMENT")), Text(d, "NUMBER")!, Text(d, "ISSUING_COUNTRY")))
            .ToList();

        return new ListEntry
        {
            Source = ListSource.UnConsolidated,
            ListId = Text(e, "REFERENCE_NUMBER") ?? Text(e, "DATAID") ?? "",
            Type = EntryType.Individual,
            PrimaryName = name,
            Aliases = aliases,
            BirthDates = [.. e.Elements("INDIVIDUAL_DATE_OF_BIRTH").Select(BirthDate).OfType<PartialDate>()],
            Places = places,
            Countries = [.. e.Elements("INDIVIDUAL_ADDRESS").Select(a => Text(a, "COUNTRY")).OfType<string>()],
            Nationalities = [.. e.Elements("NATIONALITY").Elements("VALUE").Select(v => v.Value.Trim()).Where(v => v.Length > 0)],
            Programs = [.. new[] { Text(e, "UN_LIST_TYPE") }.OfType<string>()],
            Identifiers = identifiers,
            Remarks = Text(e, "COMMENTS1"),
        };
    }

    private static ListEntry Entity(XElement e) => new()
    {
        Source = ListSource.UnConsolidated,
        ListId = Text(e, "REFERENCE_NUMBER") ?? Text(e, "DATAID") ?? "",
        Type = EntryType.Entity,
        PrimaryName = Text(e, "FIRST_NAME") ?? "",
        Aliases = Aliases(e, "ENTITY_ALIAS"),
        Places = [.. e.Elements("ENTITY_ADDRESS").Select(Place).Where(p => p.Length > 0)],
        Countries = [.. e.Elements("ENTITY_ADDRESS").Select(a => Text(a, "COUNTRY")).OfType<string>()],
        Programs = [.. new[] { Text(e, "UN_LIST_TYPE") }.OfType<string>()],
        Remarks = Text(e, "COMMENTS1"),
    };

    private static List<ListAlias> Aliases(XElement e, string element) =>
        [.. e.Elements(element)
            .Where(a => Text(a, "ALIAS_NAME") is not null)
            .Select(a => Text(a, "QUALITY") switch
            {
                "Good" => new ListAlias(Text(a, "ALIAS_NAME")!, AliasQuality.Strong),
                "Low" => new ListAlias(Text(a, "ALIAS_NAME")!, AliasQuality.Weak),
                "f.k.a." => new ListAlias(Text(a, "ALIAS_NAME")!, AliasQuality.Unspecified, "fka"),
                _ => new ListAlias(Text(a, "ALIAS_NAME")!, AliasQuality.Unspecified),
            })];

    private static PartialDate? BirthDate(XElement e)
    {
        var approximate = Text(e, "TYPE_OF_DATE") is "APPROXIMATELY" or "BETWEEN";
        if (Text(e, "DATE") is { } date && BirthDateText.Parse(date) is { } full)
        {
            return full with { Approximate = approximate };
        }

        if (int.TryParse(Text(e, "YEAR"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new PartialDate(year, Approximate: approximate);
        }

        return int.TryParse(Text(e, "FROM_YEAR"), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
               && int.TryParse(Text(e, "TO_YEAR"), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            ? new PartialDate(from, ToYear: to, Approximate: true)
            : null;
    }

    private static string DocumentType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => "document",
        var t when t.Contains("pas", StringComparison.Ordinal) => "passport",
        var t when t.Contains("national", StringComparison.Ordinal) => "national_id",
        _ => "document",
    };

    private static string Place(XElement e) =>
        string.Join(", ", PlaceElements.Select(n => Text(e, n)).OfType<string>());

    private static string? Text(XElement e, string name)
    {
        var value = e.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
