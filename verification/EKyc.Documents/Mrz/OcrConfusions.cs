namespace EKyc.Documents.Mrz;

/// <summary>
/// The characters OCR engines confuse in the OCR-B MRZ font, in both directions. A confusion is repaired only where
/// the field type forbids the character read (a digit in a name, a letter in a date), or, in letter-and-digit fields,
/// only when the swap makes the covering check digit valid.
/// </summary>
public static class OcrConfusions
{
    /// <summary>The digit a letter is mistaken for, where the field must be numeric.</summary>
    public static char? ToDigit(char c) => c switch
    {
        'O' or 'Q' or 'D' or 'U' => '0',
        'I' or 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'T' => '7',
        'B' => '8',
        _ => null,
    };

    /// <summary>The letter a digit is mistaken for, where the field must be alphabetic.</summary>
    public static char? ToLetter(char c) => c switch
    {
        '0' => 'O',
        '1' => 'I',
        '2' => 'Z',
        '5' => 'S',
        '6' => 'G',
        '8' => 'B',
        '4' => 'A',
        _ => null,
    };

    /// <summary>The alternative reading of an ambiguous character in a letter-and-digit field (the classic pairs only).</summary>
    public static char? Alternative(char c) => c switch
    {
        '0' => 'O', 'O' => '0',
        '1' => 'I', 'I' => '1',
        '5' => 'S', 'S' => '5',
        '8' => 'B', 'B' => '8',
        '2' => 'Z', 'Z' => '2',
        _ => null,
    };
}
