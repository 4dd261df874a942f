using EKyc.Api.Http;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Endpoints;

/// <summary>The one check of page and pageSize query parameters for every list endpoint.</summary>
internal static class Paging
{
    public static IResult? Validate(int? page, int? pageSize, int maxPageSize)
    {
        if (pageSize is < 1 || pageSize > maxPageSize)
            return Problems.Result(400, "invalid_page_size", $"pageSize must be between 1 and {maxPageSize}.");
        return page is < 1 ? Problems.Result(400, "invalid_page", "page starts at 1.") : null;
    }
}
