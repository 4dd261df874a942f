using EKyc.Screening.Evaluation;
using EKyc.Screening.Loading;
using EKyc.Screening.Model;
using EKyc.TestSupport;

namespace EKyc.Screening.Tests;

public sealed class LoaderTests
{
    [Fact]
    public void Ofac_2019_loads_every_record_with_aliases_and_remarks()
    {
        var result = OfacSdnLoader.Load(SharedData.Require(SharedLists.OfacFull));
        Assert.True(result.IsSuccess, result.Error?.Message);
        var list = result.List!;
        // 7,379 records and 9,682 aliases: the files' last lines have no newline, so a line count (the MANIFEST's
        // 7,378) misses one.
        Assert.Equal(7379, list.Entries.Count);
        Assert.Equal(9682, list.Entries.Sum(e => e.Aliases.Count(a => a.Quality == AliasQuality.Strong)));
        Assert.Equal(3, list.Versions.Count);
        Assert.All(list.Versions, v => Assert.Matches("^[0-9a-f]{64}$", v.Sha256));

        var maduro = list.Entries.Single(e => e.ListId == "22790");
        Assert.Equal("MADURO MOROS, Nicolas", maduro.PrimaryName);
        Assert.Equal(EntryType.Individual, maduro.Type);
        Assert.Equal([new PartialDate(1962, 11, 23)], maduro.BirthDates);
        Assert.Contains("Venezuela", maduro.Nationalities);
        Assert.Contains(maduro.Identifiers, i => i is { Type: "national_id", Value: "5892464", Country: "Venezuela" });
        Assert.Equal(["VENEZUELA"], maduro.Programs);

        var nayif = list.Entries.Single(e => e.ListId == "2681");
        Assert.Equal([new PartialDate(1933)], nayif.BirthDates);

        var anglo = list.Entries.Single(e => e.ListId == "173");
        Assert.Equal(EntryType.Entity, anglo.Type);
        Assert.Contains(anglo.Places, p => p.Contains("Ibex House", StringComparison.Ordinal));
        Assert.Contains("United Kingdom", anglo.Countries);

        // Weak a.k.a.s live in the remarks: "a.k.a. 'BNC'".
        var bnc = list.Entries.Single(e => e.ListId == "306");
        Assert.Contains(bnc.Aliases, a => a is { Name: "BNC", Quality: AliasQuality.Weak });
        Assert.Contains(bnc.Aliases, a => a is { Name: "NATIONAL BANK OF CUBA", Quality: AliasQuality.Strong });
    }

    [Fact]
    public void Ofac_2025_sample_reads_vessel_fields_and_identifiers()
    {
        var list = OfacSdnLoader.Load(SharedData.Require(SharedLists.OfacSample)).List!;
        Assert.Equal(17, list.Entries.Count);

        var vessel = list.Entries.Single(e => e.ListId == "47371");
        Assert.Equal(EntryType.Vessel, vessel.Type);
        Assert.Contains(vessel.Identifiers, i => i is { Type: "call_sign", Value: "A8LU7" });
        Assert.Contains(vessel.Identifiers, i => i is { Type: "imo", Value: "9339301" });
        Assert.Contains(vessel.Identifiers, i => i is { Type: "mmsi", Value: "636013272" });
        Assert.Contains("Gabon", vessel.Nationalities);

        var person = list.Entries.Single(e => e.ListId == "48603");
        Assert.Equal([new PartialDate(1993, 4, 17)], person.BirthDates);
        Assert.Contains(person.Aliases, a => a is { Name: "LOCKBITSUPP", Quality: AliasQuality.Weak });
        Assert.Contains(person.Identifiers, i => i is { Type: "passport", Value: "2018278055", Country: "Russia" });
        Assert.Contains(person.Identifiers, i => i is { Type: "tax_id", Value: "366110340670" });
        Assert.Equal(["CYBER2"], person.Programs);

        Assert.Equal(["NPWMD", "IFSR", "IRAN-CON-ARMS-EO"], list.Entries.Single(e => e.ListId == "11195").Programs);
    }

    [Fact]
    public void Un_list_loads_individuals_entities_aliases_and_dates()
    {
        var result = UnConsolidatedLoader.Load(SharedData.Require(SharedLists.UnConsolidated));
        Assert.True(result.IsSuccess, result.Error?.Message);
        var list = result.List!;
        Assert.Equal(730, list.Entries.Count(e => e.Type == EntryType.Individual));
        Assert.Equal(273, list.Entries.Count(e => e.Type == EntryType.Entity));
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 0, 0, 9, 554, TimeSpan.Zero), list.Versions[0].Published);

        var zawahiri = list.Entries.Single(e => e.ListId == "QDi.006");
        Assert.EndsWith("AL-ZAWAHIRI", zawahiri.PrimaryName, StringComparison.Ordinal);
        Assert.Contains(zawahiri.Aliases, a => a is { Name: "Ayman Al-Zawahari", Quality: AliasQuality.Strong });
        Assert.Contains(zawahiri.Aliases, a => a.Kind == "original_script");
        Assert.Contains("Egypt", zawahiri.Nationalities);

        var badege = list.Entries.Single(e => e.ListId == "CDi.001");
        Assert.Equal([new PartialDate(1971)], badege.BirthDates);
        Assert.Contains("Rwanda", badege.Countries);

        var adf = list.Entries.Single(e => e.ListId == "CDe.001");
        Assert.Contains(adf.Aliases, a => a is { Name: "NALU", Kind: "fka" });
    }

    [Fact]
    public void Bis_denied_persons_list_loads_rows_with_addresses()
    {
        var list = BisDeniedPersonsLoader.Load(SharedData.Require(SharedLists.BisDpl)).List!;
        // 547 lines: a header and 546 rows (the MANIFEST says 545).
        Assert.Equal(546, list.Entries.Count);
        Assert.All(list.Entries, e => Assert.Equal(EntryType.Unknown, e.Type));
        Assert.Contains(list.Entries, e => e.PrimaryName == "ADRIAN MANUEL HERNANDEZ" && e.Places[0].Contains("PHONEIX", StringComparison.Ordinal));
    }

    [Fact]
    public void Eu_format_sample_loads_names_dates_citizenship_and_identifiers()
    {
        var result = EuConsolidatedLoader.Load(Path.Combine(AppContext.BaseDirectory, "FormatSamples", "eu_consolidated_format_sample.xml"));
        Assert.True(result.IsSuccess, result.Error?.Message);
        var list = result.List!;
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(new DateOnly(2026, 1, 15), DateOnly.FromDateTime(list.Versions[0].Published!.Value.UtcDateTime));

        var person = list.Entries[0];
        Assert.Equal(("EU.TEST.1", EntryType.Individual, "Test Person One"), (person.ListId, person.Type, person.PrimaryName));
        Assert.Equal([new ListAlias("Tëst Pêrson Uno", AliasQuality.Weak)], person.Aliases);
        Assert.Equal([new PartialDate(1970, 5, 1), new PartialDate(1971, Approximate: true)], person.BirthDates);
        Assert.Equal(["FRANCE"], person.Nationalities);
        Assert.Equal(["TEST"], person.Programs);
        Assert.Equal([new EntryIdentifier("passport", "TEST0001", "FRANCE")], person.Identifiers);

        var company = list.Entries[1];
        Assert.Equal(EntryType.Entity, company.Type);
        Assert.Equal(["BELGIUM"], company.Countries);
    }

    [Fact]
    public void A_missing_file_is_an_error_value_not_an_exception()
    {
        var result = UnConsolidatedLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-list", "UN.xml"));
        Assert.False(result.IsSuccess);
        Assert.Equal("list_file_missing", result.Error!.Code);
        Assert.Equal("list_file_missing", OfacSdnLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-list")).Error!.Code);
    }

    [Fact]
    public void A_file_of_another_format_is_reported_malformed()
    {
        var result = EuConsolidatedLoader.Load(SharedData.Require(SharedLists.UnConsolidated));
        Assert.Equal("list_file_malformed", result.Error!.Code);
    }
}
