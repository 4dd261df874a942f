using EKyc.Screening.Loading;
using EKyc.Screening.Model;

namespace EKyc.Screening.Evaluation;

/// <summary>Where the lists sit in the shared data folder (sanctions/…), and loading them all at once.</summary>
public static class SharedLists
{
    public const string OfacFull = "sanctions/ofac_sdn_2019-01";
    public const string OfacSample = "sanctions/ofac_sdn_sample_2025";
    public const string UnConsolidated = "sanctions/un_consolidated_2026-02/UN_consolidated.xml";
    public const string BisDpl = "sanctions/bis_dpl_2019/dpl.txt";
    public const string CrossScriptPairs = "sanctions/name_matching/watchman_cross_script_pairs.csv";
    public const string Cases = "sanctions/name_matching/watchman_screening_cases.json";

    /// <summary>The full OFAC 2019 SDN, UN 2026 and BIS DPL lists, or the first load error.</summary>
    public static (IReadOnlyList<LoadedList> Lists, ScreeningError? Error) LoadFull(string dataDirectory)
    {
        var results = new[]
        {
            OfacSdnLoader.Load(Path.Combine(dataDirectory, OfacFull)),
            UnConsolidatedLoader.Load(Path.Combine(dataDirectory, UnConsolidated)),
            BisDeniedPersonsLoader.Load(Path.Combine(dataDirectory, BisDpl)),
        };
        var error = results.FirstOrDefault(r => !r.IsSuccess)?.Error;
        return (results.Where(r => r.IsSuccess).Select(r => r.List!).ToList(), error);
    }
}
