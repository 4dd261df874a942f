using EKyc.Screening.Eval;

// Usage: EKyc.Screening.Eval screening [--data DIR] [--names N]
if (args.Length == 0 || args[0] != "screening")
{
    Console.Error.WriteLine("usage: EKyc.Screening.Eval screening [--data DIR] [--names N]");
    return 2;
}

string? data = null;
var names = 20_000;
for (var i = 1; i < args.Length - 1; i++)
{
    if (args[i] == "--data")
    {
        data = args[++i];
    }
    else if (args[i] == "--names" && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var n))
    {
        names = n;
        i++;
    }
}

var directory = DataDirectory.Resolve(data);
if (directory is null || !Directory.Exists(directory))
{
    Console.Error.WriteLine("data directory not found: pass --data DIR");
    return 2;
}

return ScreeningEvalCommand.Run(directory, names);
