using System.Text.RegularExpressions;
using EKyc.Api.Http;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Endpoints;

/// <summary>Account ids are the platform's own; they become grain keys and URL segments, so their alphabet is bounded.</summary>
internal static partial class AccountIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static IResult? Validate(string? id) => IsValid(id)
        ? null
        : Problems.Result(400, "invalid_account_id", "accountId must be 1-128 characters of letters, digits, '-', '_', '.' or ':'.");

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
