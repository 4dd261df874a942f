using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EKyc.Api.Http;

/// <summary>
/// Turns exceptions into ProblemDetails: unreadable or oversized requests into 4xx with stable codes, anything else
/// into a generic 500 that reveals no internals (the details go to the log, without request data).
/// </summary>
public sealed partial class ExceptionToProblem(ILogger<ExceptionToProblem> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Create(413, ErrorCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts."),
            BadHttpRequestException bad when bad.InnerException is System.Text.Json.JsonException || bad.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase) =>
                Problems.Create(400, ErrorCodes.MalformedJson, "The request body is not valid JSON for this endpoint."),
            BadHttpRequestException bad =>
                Problems.Create(bad.StatusCode, ErrorCodes.ValidationFailed, "The request could not be read: check the parameters and the body."),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, exception.GetType().Name, httpContext.Request.Path);
            problem = Problems.Create(500, ErrorCodes.Internal, "Something went wrong on our side. The request may be retried.");
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string exceptionType, PathString path);
}
