using EKyc.Documents.Mrz;

namespace EKyc.Documents.Synthetic;

/// <summary>The data one synthetic document carries: a specimen name and random, check-digit-valid numbers and dates.</summary>
public sealed record SyntheticHolder(
    MrzFormat Format,
    string IssuingState,
    string Nationality,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    DateOnly BirthDate,
    DateOnly ExpiryDate,
    char Sex,
    string OptionalData)
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A random holder for <paramref name="format"/>: ICAO country codes, one of the specimen names.</summary>
    public static SyntheticHolder Random(Random rng, MrzFormat format)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var countries = IcaoCodes.Countries;
        var state = countries[rng.Next(countries.Count)];
        var (surname, given) = SpecimenHolders.All[rng.Next(SpecimenHolders.All.Count)];
        // Issuers mix letters and digits in document numbers, confusable ones (O/0, I/1) included: repair must cope.
        var prefix = rng.Next(3);
        var number = new string(Enumerable.Range(0, 9)
            .Select(i => i < prefix ? (char)('A' + rng.Next(26)) : i == 8 && rng.Next(4) == 0 ? '<' : Alphanumeric[26 + rng.Next(10)])
            .ToArray());
        var birth = new DateOnly(1940, 1, 1).AddDays(rng.Next(365 * 68));
        var expiry = new DateOnly(2024, 1, 1).AddDays(rng.Next(365 * 12));
        var sex = "MF<"[rng.Next(3)];
        var optionalLength = rng.Next(2) == 0 ? 0 : rng.Next(4, 12);
        var optional = new string(Enumerable.Range(0, optionalLength).Select(_ => Alphanumeric[rng.Next(Alphanumeric.Length)]).ToArray());
        return new SyntheticHolder(format, state, rng.Next(4) == 0 ? countries[rng.Next(countries.Count)] : state, surname, given,
            number.TrimEnd('<'), birth, expiry, sex, optional);
    }
}
