using System.Net.Mail;
using System.Text.RegularExpressions;

namespace EKyc.Verification.Applicants;

/// <summary>
/// Validation of registration data. It checks shape only (the real check of identity is the document); it never
/// "fixes" data, because an identity store must hold what the applicant gave.
/// </summary>
public static partial class RegistrationRules
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<(string Field, string Code, string Message)> Validate(string? givenNames, string? surname, string? email, string? phone)
    {
        var errors = new List<(string, string, string)>();
        CheckName(errors, "givenNames", givenNames);
        CheckName(errors, "surname", surname);
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !IsEmail(email))
            errors.Add(("email", "invalid_email", "email must be a single valid address such as name@example.org"));
        if (string.IsNullOrWhiteSpace(phone) || !E164().IsMatch(phone))
            errors.Add(("phone", "invalid_phone", "phone must be in E.164 form: '+', country code and number, 8 to 15 digits, no spaces"));
        return errors;
    }

    private static void CheckName(List<(string, string, string)> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength)
        {
            errors.Add((field, "invalid_name", $"{field} is required and at most {MaxNameLength} characters"));
        }
        else if (value.Any(c => char.IsControl(c) || char.IsDigit(c) || c is '<' or '>' or '@'))
        {
            errors.Add((field, "invalid_name", $"{field} may contain letters, spaces, hyphens and apostrophes only"));
        }
    }

    private static bool IsEmail(string value)
    {
        if (value.Trim() != value || value.Contains(' ', StringComparison.Ordinal)) return false;
        if (!MailAddress.TryCreate(value, out var parsed)) return false;
        // MailAddress accepts display-name forms ("A <a@b>"); require the bare address and a dotted domain.
        return parsed.Address == value && parsed.Host.Contains('.', StringComparison.Ordinal) && !parsed.Host.EndsWith('.');
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
