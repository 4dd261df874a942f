using System.Globalization;
using EKyc.Monitoring.Eval;

// Usage: EKyc.Monitoring.Eval [monitoring] [bench] [--accounts N] [--seed S] [--days D]
var rest = args.SkipWhile(a => a == "monitoring").ToList();
var bench = rest.Count > 0 && rest[0] == "bench";
if (bench) rest.RemoveAt(0);

int Option(string name, int fallback, int min, int max)
{
    var i = rest.IndexOf(name);
    if (i < 0) return fallback;
    if (i + 1 < rest.Count && int.TryParse(rest[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        return value;
    throw new ArgumentException($"{name} needs an integer between {min} and {max}");
}

try
{
    var accounts = Option("--accounts", bench ? 2_000 : 1_000, 50, 200_000);
    var seed = Option("--seed", 1, 0, int.MaxValue - 3);
    var days = Option("--days", 60, 50, 365);
    return bench ? BenchCommand.Run(accounts, seed, days) : EvalCommand.Run(accounts, seed, days);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: EKyc.Monitoring.Eval [bench] [--accounts N] [--seed S] [--days D]");
    return 2;
}
