namespace EKyc.Screening.Model;

/// <summary>A failure to load a list, as a value: a stable snake_case code and a message for people.</summary>
public sealed record ScreeningError(string Code, string Message)
{
    public static ScreeningError FileMissing(string path) => new("list_file_missing", $"List file not found: {Path.GetFileName(path)}");

    public static ScreeningError Malformed(string file, string detail) => new("list_file_malformed", $"{file}: {detail}");
}

/// <summary>Either a loaded list or the reason it could not be loaded.</summary>
public sealed record ListLoadResult
{
    private ListLoadResult(LoadedList? list, ScreeningError? error)
    {
        List = list;
        Error = error;
    }

    public LoadedList? List { get; }

    public ScreeningError? Error { get; }

    public bool IsSuccess => List is not null;

    public static ListLoadResult Success(LoadedList list) => new(list, null);

    public static ListLoadResult Failure(ScreeningError error) => new(null, error);
}
