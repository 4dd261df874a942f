using Orleans;

namespace EKyc.GrainInterfaces.Common;

/// <summary>Either a value or a refusal. Grains return refusals as values; they throw only for real faults.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.CommandResult`1")]
public sealed record CommandResult<T>
{
    [Id(0)] public T? Value { get; init; }
    [Id(1)] public CommandError? Error { get; init; }

    public bool IsOk => Error is null;

    public static CommandResult<T> Ok(T value) => new() { Value = value };

    public static CommandResult<T> Fail(CommandError error) => new() { Error = error };

    public static CommandResult<T> Fail(ErrorKind kind, string code, string message) => new() { Error = new CommandError(kind, code, message) };
}
