using System.ComponentModel.DataAnnotations;

namespace EKyc.Silo.Hosting;

/// <summary>Validates hosting options before anything touches a database, with a readable message.</summary>
internal static class HostStartup
{
    public static void ValidateOrExit(HostingOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)) return;
        throw new InvalidOperationException("Invalid EKyc configuration: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
    }
}
