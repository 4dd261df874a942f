using EKyc.Screening.Model;

namespace EKyc.Screening.Loading;

/// <summary>
/// Loads the US BIS Denied Persons List (tab-separated, quoted, with a header row: Name, Street_Address, City, State,
/// Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation). The list
/// does not say whether a row is a person or a company, so entries are typed Unknown; the id is the row number
/// because the file has none.
/// </summary>
public static class BisDeniedPersonsLoader
{
    // Street, city, state, postal code, country.
    private static readonly int[] PlaceColumns = [1, 2, 3, 5, 4];

    public static ListLoadResult Load(string path)
    {
        var file = ListFile.TryRead(path);
        if (file is null)
        {
            return ListLoadResult.Failure(ScreeningError.FileMissing(path));
        }

        var records = CsvRecordReader.Read(file.Text, '\t').ToList();
        if (records.Count == 0 || !string.Equals(records[0][0], "Name", StringComparison.OrdinalIgnoreCase) || records[0].Length < 12)
        {
            return ListLoadResult.Failure(ScreeningError.Malformed(file.FileName, "header row Name, Street_Address, … not found"));
        }

        var entries = new List<ListEntry>();
        for (var row = 1; row < records.Count; row++)
        {
            var record = records[row];
            if (CsvRecordReader.Value(record, 0) is not { } name)
            {
                continue;
            }

            var place = string.Join(", ", PlaceColumns.Select(i => CsvRecordReader.Value(record, i)).OfType<string>());
            entries.Add(new ListEntry
            {
                Source = ListSource.BisDeniedPersons,
                ListId = row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = EntryType.Unknown,
                PrimaryName = name,
                Places = place.Length > 0 ? [place] : [],
                Countries = CsvRecordReader.Value(record, 4) is { } country ? [country] : [],
                Programs = ["DPL"],
                Remarks = CsvRecordReader.Value(record, 11),
            });
        }

        return ListLoadResult.Success(new LoadedList(ListSource.BisDeniedPersons, entries, [file.Version(ListSource.BisDeniedPersons, null, entries.Count)]));
    }
}
