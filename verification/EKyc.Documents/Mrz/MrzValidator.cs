using System.Collections.Immutable;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Judges a parsed MRZ against policy: the birth date is plausible and the holder old enough, the document has not
/// expired, the issuing state and nationality are real codes, the sex field is legal. Returns the parse findings plus
/// its own.
/// </summary>
public static class MrzValidator
{
    public static ImmutableArray<MrzIssue> Validate(MrzDocument document, DateOnly today, MrzValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var issues = document.Issues.ToBuilder();

        if (document.BirthDate is { } birth)
        {
            var age = AgeOn(birth, today);
            if (birth > today || age > options.MaximumAgeYears)
                issues.Add(new(MrzIssueCodes.BirthDateImplausible, MrzSeverity.Error, MrzLayout.BirthDate));
            else if (age < options.MinimumAgeYears)
                issues.Add(new(MrzIssueCodes.UnderMinimumAge, MrzSeverity.Error, MrzLayout.BirthDate, $"minimum {options.MinimumAgeYears}"));
        }
        else if (!issues.Any(i => i.Field == MrzLayout.BirthDate))
        {
            issues.Add(new(MrzIssueCodes.InvalidDate, MrzSeverity.Error, MrzLayout.BirthDate, "not recorded"));
        }

        if (document.ExpiryDate is { } expiry)
        {
            if (expiry < today) issues.Add(new(MrzIssueCodes.DocumentExpired, MrzSeverity.Error, MrzLayout.ExpiryDate));
        }
        else if (document.Format != MrzFormat.FrenchNationalId && !options.AllowMissingExpiry && !issues.Any(i => i.Field == MrzLayout.ExpiryDate))
        {
            issues.Add(new(MrzIssueCodes.InvalidDate, MrzSeverity.Error, MrzLayout.ExpiryDate, "not recorded"));
        }

        if (!IcaoCodes.IsKnown(document.IssuingState))
            issues.Add(new(MrzIssueCodes.UnknownIssuingState, MrzSeverity.Error, MrzLayout.IssuingState, document.IssuingState));
        if (document.Nationality is { } nationality && !IcaoCodes.IsKnown(nationality))
            issues.Add(new(MrzIssueCodes.UnknownNationality, MrzSeverity.Error, MrzLayout.Nationality, nationality));
        if (document.Surname.Length == 0)
            issues.Add(new(MrzIssueCodes.MissingSurname, MrzSeverity.Notice, MrzLayout.Names));
        return issues.ToImmutable();
    }

    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age)) age--;
        return age;
    }
}
