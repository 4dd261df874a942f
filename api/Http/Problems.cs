using EKyc.GrainInterfaces.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EKyc.Api.Http;

/// <summary>
/// The one table from results to HTTP: every refusal becomes an RFC 7807 ProblemDetails carrying a stable
/// <c>code</c> and, for validation, the per-field messages in <c>errors</c>.
/// </summary>
public static class Problems
{
    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult From(CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Result(StatusFor(error.Kind), error.Code, error.Message, error.Fields.Count > 0 ? error.Fields : null);
    }

    public static IResult Result(int status, string code, string detail, IReadOnlyDictionary<string, string>? fields = null) =>
        TypedResults.Problem(Create(status, code, detail, fields));

    public static ProblemDetails Create(int status, string code, string detail, IReadOnlyDictionary<string, string>? fields = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = detail,
            Type = $"https://ekyc.invalid/problems/{code}",
        };
        problem.Extensions["code"] = code;
        if (fields is not null) problem.Extensions["errors"] = fields;
        return problem;
    }

    /// <summary>Maps a command result: the value through <paramref name="ok"/>, a refusal through the table.</summary>
    public static IResult Map<T>(CommandResult<T> result, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.IsOk ? ok(result.Value!) : From(result.Error!);
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is not valid",
        404 => "Not found",
        409 => "The request conflicts with the current state",
        413 => "The request is too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => "An unexpected error occurred",
    };
}
