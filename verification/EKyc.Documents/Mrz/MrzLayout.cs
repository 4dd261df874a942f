using System.Collections.Immutable;

namespace EKyc.Documents.Mrz;

/// <summary>One field of a layout: where it sits (line, start, length) and what it may contain.</summary>
public sealed record MrzField(string Name, int Line, int Start, int Length, FieldKind Kind)
{
    /// <summary>Whether the field holds the holder's name (the whole names field, or the surname or given names of the French ID).</summary>
    public bool IsName => IsNameField(Name);

    /// <summary>Whether the field of this name holds the holder's name.</summary>
    public static bool IsNameField(string? name) => name is MrzLayout.Names or MrzLayout.Surname or MrzLayout.GivenNames;
}

/// <summary>A span of one line, the unit check digits are computed over.</summary>
public readonly record struct MrzSpan(int Line, int Start, int Length);

/// <summary>A check digit at (<see cref="Line"/>, <see cref="Position"/>) over the concatenation of <see cref="Spans"/>.</summary>
public sealed record MrzCheck(string Name, int Line, int Position, ImmutableArray<MrzSpan> Spans);

/// <summary>
/// The field map of one MRZ format (ICAO 9303 part 4–6 and the French pre-2021 ID). Parsing, repair and check-digit
/// verification are all driven by these tables, so a format is data, not code.
/// </summary>
public sealed record MrzLayout(MrzFormat Format, int Lines, int Width, ImmutableArray<MrzField> Fields, ImmutableArray<MrzCheck> Checks)
{
    public const string DocumentCode = "document_code";
    public const string IssuingState = "issuing_state";
    public const string DocumentNumber = "document_number";
    public const string Optional1 = "optional_data_1";
    public const string Optional2 = "optional_data_2";
    public const string BirthDate = "birth_date";
    public const string Sex = "sex";
    public const string ExpiryDate = "expiry_date";
    public const string Nationality = "nationality";
    public const string Names = "names";
    public const string Surname = "surname";
    public const string GivenNames = "given_names";
    public const string PersonalNumber = "personal_number";
    public const string Composite = "composite";

    public MrzField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public static MrzLayout Td1 { get; } = new(MrzFormat.Td1, 3, 30,
    [
        new(DocumentCode, 0, 0, 2, FieldKind.Alpha), new(IssuingState, 0, 2, 3, FieldKind.Alpha),
        new(DocumentNumber, 0, 5, 9, FieldKind.AlphaNumeric), new("document_number_check", 0, 14, 1, FieldKind.Check),
        new(Optional1, 0, 15, 15, FieldKind.AlphaNumeric),
        new(BirthDate, 1, 0, 6, FieldKind.Numeric), new("birth_date_check", 1, 6, 1, FieldKind.Check),
        new(Sex, 1, 7, 1, FieldKind.Sex), new(ExpiryDate, 1, 8, 6, FieldKind.Numeric), new("expiry_date_check", 1, 14, 1, FieldKind.Check),
        new(Nationality, 1, 15, 3, FieldKind.Alpha), new(Optional2, 1, 18, 11, FieldKind.AlphaNumeric),
        new("composite_check", 1, 29, 1, FieldKind.Check), new(Names, 2, 0, 30, FieldKind.Alpha),
    ],
    [
        new(DocumentNumber, 0, 14, [new(0, 5, 9)]), new(BirthDate, 1, 6, [new(1, 0, 6)]), new(ExpiryDate, 1, 14, [new(1, 8, 6)]),
        new(Composite, 1, 29, [new(0, 5, 25), new(1, 0, 7), new(1, 8, 7), new(1, 18, 11)]),
    ]);

    public static MrzLayout Td2 { get; } = TwoLine(MrzFormat.Td2, 36, optionalLength: 7, personalCheck: false, composite: true);

    public static MrzLayout Td3 { get; } = TwoLine(MrzFormat.Td3, 44, optionalLength: 14, personalCheck: true, composite: true);

    public static MrzLayout MrvA { get; } = TwoLine(MrzFormat.MrvA, 44, optionalLength: 16, personalCheck: false, composite: false);

    public static MrzLayout MrvB { get; } = TwoLine(MrzFormat.MrvB, 36, optionalLength: 8, personalCheck: false, composite: false);

    /// <summary>
    /// French national ID (1988–2021): line 1 holds the surname and the issuing department; line 2 the 12-character
    /// card number, given names, birth date and sex, and a composite over both lines.
    /// </summary>
    public static MrzLayout FrenchNationalId { get; } = new(MrzFormat.FrenchNationalId, 2, 36,
    [
        new(DocumentCode, 0, 0, 2, FieldKind.Alpha), new(IssuingState, 0, 2, 3, FieldKind.Alpha),
        new(Surname, 0, 5, 25, FieldKind.Alpha), new(Optional1, 0, 30, 6, FieldKind.AlphaNumeric),
        new(DocumentNumber, 1, 0, 12, FieldKind.AlphaNumeric), new("document_number_check", 1, 12, 1, FieldKind.Check),
        // The card number is issue year and month, office, and a five-digit sequence: the digit parts repair by type.
        new("issue_month", 1, 0, 4, FieldKind.Numeric), new("card_sequence", 1, 7, 5, FieldKind.Numeric),
        new(GivenNames, 1, 13, 14, FieldKind.Alpha), new(BirthDate, 1, 27, 6, FieldKind.Numeric),
        new("birth_date_check", 1, 33, 1, FieldKind.Check), new(Sex, 1, 34, 1, FieldKind.Sex),
        new("composite_check", 1, 35, 1, FieldKind.Check),
    ],
    [
        new(DocumentNumber, 1, 12, [new(1, 0, 12)]), new(BirthDate, 1, 33, [new(1, 27, 6)]),
        new(Composite, 1, 35, [new(0, 0, 36), new(1, 0, 35)]),
    ]);

    private static MrzLayout TwoLine(MrzFormat format, int width, int optionalLength, bool personalCheck, bool composite)
    {
        var fields = ImmutableArray.CreateBuilder<MrzField>();
        fields.Add(new(DocumentCode, 0, 0, 2, FieldKind.Alpha));
        fields.Add(new(IssuingState, 0, 2, 3, FieldKind.Alpha));
        fields.Add(new(Names, 0, 5, width - 5, FieldKind.Alpha));
        fields.Add(new(DocumentNumber, 1, 0, 9, FieldKind.AlphaNumeric));
        fields.Add(new("document_number_check", 1, 9, 1, FieldKind.Check));
        fields.Add(new(Nationality, 1, 10, 3, FieldKind.Alpha));
        fields.Add(new(BirthDate, 1, 13, 6, FieldKind.Numeric));
        fields.Add(new("birth_date_check", 1, 19, 1, FieldKind.Check));
        fields.Add(new(Sex, 1, 20, 1, FieldKind.Sex));
        fields.Add(new(ExpiryDate, 1, 21, 6, FieldKind.Numeric));
        fields.Add(new("expiry_date_check", 1, 27, 1, FieldKind.Check));
        fields.Add(new(personalCheck ? PersonalNumber : Optional1, 1, 28, optionalLength, FieldKind.AlphaNumeric));
        var checks = ImmutableArray.CreateBuilder<MrzCheck>();
        checks.Add(new(DocumentNumber, 1, 9, [new(1, 0, 9)]));
        checks.Add(new(BirthDate, 1, 19, [new(1, 13, 6)]));
        checks.Add(new(ExpiryDate, 1, 27, [new(1, 21, 6)]));
        var next = 28 + optionalLength;
        if (personalCheck)
        {
            fields.Add(new("personal_number_check", 1, next, 1, FieldKind.Check));
            checks.Add(new(PersonalNumber, 1, next, [new(1, 28, optionalLength)]));
            next++;
        }
        if (composite)
        {
            fields.Add(new("composite_check", 1, next, 1, FieldKind.Check));
            checks.Add(new(Composite, 1, next, [new(1, 0, 10), new(1, 13, 7), new(1, 21, next - 21)]));
        }
        return new(format, 2, width, fields.ToImmutable(), checks.ToImmutable());
    }
}
