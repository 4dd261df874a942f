using System.Globalization;
using EKyc.Screening.Matching;
using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Evaluation;

/// <summary>
/// One line of name_matching/watchman_cross_script_pairs.csv: a name in a non-Latin script, the Latin spelling it
/// should match, and the description. (The file's minimum scores belong to an embedding model and are not used.)
/// </summary>
public sealed record CrossScriptPair(string Query, string Expected, string Description)
{
    public static IReadOnlyList<CrossScriptPair> Load(string path) =>
        [.. File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(','))
            .Where(f => f.Length >= 4 && double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(f => new CrossScriptPair(f[0].Trim(), f[1].Trim(), f[3].Trim()))];

    /// <summary>The name score of the romanised query against the expected Latin name.</summary>
    public double Score(ScreeningOptions options) =>
        NameScorer.Score(NameNormalizer.Tokenize(Query), NameNormalizer.Tokenize(Expected), options.TokenThreshold).Score;
}
