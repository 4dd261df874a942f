namespace EKyc.ReadModels;

/// <summary>
/// Reason codes stored as "|a|b|" so a filter on one code is a portable LIKE '%|code|%' on both databases.
/// Codes are snake_case, so the delimiter cannot occur inside one.
/// </summary>
internal static class ReasonCodeColumn
{
    public static string Encode(IReadOnlyList<string> codes) => codes.Count == 0 ? "" : $"|{string.Join('|', codes)}|";

    public static IReadOnlyList<string> Decode(string? column) =>
        string.IsNullOrEmpty(column) ? [] : column.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
