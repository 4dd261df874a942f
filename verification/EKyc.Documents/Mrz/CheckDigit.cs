namespace EKyc.Documents.Mrz;

/// <summary>ICAO 9303 check digits: weights 7, 3, 1 repeating; digits count as themselves, A–Z as 10–35, filler as 0.</summary>
public static class CheckDigit
{
    /// <summary>The check digit of <paramref name="data"/>, or -1 when it holds a character outside the MRZ set.</summary>
    public static int Compute(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = ValueOf(data[i]);
            if (value < 0) return -1;
            sum += value * (i % 3) switch { 0 => 7, 1 => 3, _ => 1 };
        }
        return sum % 10;
    }

    /// <summary>
    /// True when <paramref name="digit"/> is the check digit of <paramref name="data"/>. A filler check digit is accepted
    /// only for an all-filler field, which is how issuers mark an absent optional field.
    /// </summary>
    public static bool Verify(ReadOnlySpan<char> data, char digit)
    {
        if (digit == '<') return !data.ContainsAnyExcept('<');
        var expected = Compute(data);
        return expected >= 0 && digit is >= '0' and <= '9' && expected == digit - '0';
    }

    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };
}
