using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>
/// Loads the EU Financial Sanctions Files consolidated list in its XML form (schema 1.1: an <c>export</c> root with
/// a <c>generationDate</c>, one <c>sanctionEntity</c> per listed party carrying <c>subjectType@code</c>
/// person/enterprise, <c>nameAlias</c> (wholeName, firstName, middleName, lastName, strong), <c>citizenship</c>,
/// <c>birthdate</c> (birthdate, year, circa), <c>address</c>, <c>identification</c> and <c>regulation@programme</c>).
/// Written from the published schema: no EU file is in the shared data, so it is tested on a hand-written format
/// sample. Elements are matched by local name so the export namespace version does not matter.
/// </summary>
public static class EuConsolidatedLoader
{
    private static readonly string[] PlaceAttributes = ["street", "city", "place", "zipCode", "countryDescription"];

    public static ListLoadResult Load(string path)
    {
        if (ListFile.ReadXml(path, "export", out var failure) is not var (file, root)) return failure!;

        var entries = Children(root, "sanctionEntity").Select(Entry).OfType<ListEntry>().ToList();
        DateTimeOffset? generated = DateTimeOffset.TryParse(
            Attr(root, "generationDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var g) ? g : null;
        return ListLoadResult.Success(new LoadedList(ListSource.EuConsolidated, entries, [file.Version(ListSource.EuConsolidated, generated, entries.Count)]));
    }

    private static ListEntry? Entry(XElement e)
    {
        var names = Children(e, "nameAlias").Select(a => (Name: WholeName(a), Strong: Attr(a, "strong"))).Where(n => n.Name.Length > 0).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var type = Children(e, "subjectType").Select(s => Attr(s, "code")).FirstOrDefault() switch
        {
            "person" => EntryType.Individual,
            "enterprise" => EntryType.Entity,
            _ => EntryType.Unknown,
        };

        return new ListEntry
        {
            Source = ListSource.EuConsolidated,
            ListId = Attr(e, "euReferenceNumber") ?? Attr(e, "logicalId") ?? "",
            Type = type,
            PrimaryName = names[0].Name,
            Aliases = [.. names.Skip(1).Select(n => new ListAlias(n.Name, n.Strong switch
            {
                "true" => AliasQuality.Strong,
                "false" => AliasQuality.Weak,
                _ => AliasQuality.Unspecified,
            }))],
            BirthDates = [.. Children(e, "birthdate").Select(BirthDate).OfType<PartialDate>()],
            Places = [.. Children(e, "birthdate").Concat(Children(e, "address")).Select(Place).Where(p => p.Length > 0)],
            Countries = [.. Children(e, "address").Select(a => Attr(a, "countryDescription")).OfType<string>()],
            Nationalities = [.. Children(e, "citizenship").Select(c => Attr(c, "countryDescription")).OfType<string>()],
            Programs = [.. Children(e, "regulation").Select(r => Attr(r, "programme")).OfType<string>().Distinct()],
            Identifiers = [.. Children(e, "identification")
                .Where(i => Attr(i, "number") is not null)
                .Select(i => new EntryIdentifier(Attr(i, "identificationTypeCode") ?? "document", Attr(i, "number")!, Attr(i, "countryDescription")))],
            Remarks = Children(e, "remark").Select(r => r.Value.Trim()).FirstOrDefault(r => r.Length > 0),
        };
    }

    private static string WholeName(XElement alias) =>
        Attr(alias, "wholeName")
        ?? string.Join(' ', new[] { Attr(alias, "firstName"), Attr(alias, "middleName"), Attr(alias, "lastName") }.OfType<string>());

    private static PartialDate? BirthDate(XElement e)
    {
        var circa = Attr(e, "circa") == "true";
        if (Attr(e, "birthdate") is { } full && BirthDateText.Parse(full) is { } date)
        {
            return date with { Approximate = circa };
        }

        if (!int.TryParse(Attr(e, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        int? month = int.TryParse(Attr(e, "monthOfYear"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        int? day = month is not null && int.TryParse(Attr(e, "dayOfMonth"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new PartialDate(year, month, day, Approximate: circa);
    }

    private static string Place(XElement e) =>
        string.Join(", ", PlaceAttributes.Select(n => Attr(e, n)).OfType<string>());

    private static IEnumerable<XElement> Children(XElement e, string localName) => e.Elements().Where(c => c.Name.LocalName == localName);

    private static string? Attr(XElement e, string name)
    {
        var value = e.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
