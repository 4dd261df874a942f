namespace EKyc.ReadModels;

/// <summary>Filters and paging for the analysts' flagged-accounts list.</summary>
public sealed record FlaggedAccountQuery
{
    /// <summary>Only this tenant's accounts; null for every tenant (an administrator of all).</summary>
    public string? Tenant { get; init; }
    public string? Status { get; init; }
    public string? FlagStatus { get; init; }
    public string? ReasonCode { get; init; }
    public double? MinScore { get; init; }
    public DateTimeOffset? FlaggedFrom { get; init; }
    public DateTimeOffset? FlaggedTo { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>One page of results and the total matching count.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
