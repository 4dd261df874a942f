using System.Globalization;
using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Eval;
using EKyc.Biometrics.Models;
using EKyc.Biometrics.Quality;
using EKyc.Biometrics.Recognition;

// Usage: dotnet run --project verification/EKyc.Biometrics.Eval -c Release -- [faces] --data DIR [--models DIR]
//        [--target-fmr 0.001] [--threads 1]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = EvalOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: EKyc.Biometrics.Eval [faces] --data DIR [--models DIR] [--target-fmr 0.001] [--threads N]");
    return 2;
}
var facesDir = Path.Combine(options.DataDirectory, "faces", "deepface");
var spoofDir = Path.Combine(options.DataDirectory, "spoof", "silent_face");
if (!Directory.Exists(facesDir))
{
    Console.Error.WriteLine($"eval: {facesDir} not found (pass --data pointing at the shared data directory)");
    return 2;
}

FaceModels models;
try
{
    models = new FaceModels(new FaceModelsOptions { ModelsDirectory = options.ModelsDirectory, IntraOpThreads = options.Threads });
}
catch (FaceModelsMissingException e)
{
    Console.Error.WriteLine($"eval: {e.Message}");
    return 2;
}

using (models)
{
    var analyzer = new FaceAnalyzer(models, new FaceAnalyzerOptions());
    var runner = new FaceEvaluation(analyzer, facesDir, spoofDir, options.TargetFmr);
    runner.Run(Console.Out);
}
return 0;

internal sealed record EvalOptions(string DataDirectory, string ModelsDirectory, double TargetFmr, int Threads)
{
    public static EvalOptions? Parse(string[] args)
    {
        string? data = null, models = null;
        var fmr = 0.001;
        var threads = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "faces": break; // `./ekyc eval faces` passes the suite name first
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--models" when i + 1 < args.Length: models = args[++i]; break;
                case "--target-fmr" when i + 1 < args.Length: fmr = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads" when i + 1 < args.Length: threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }
        data ??= Environment.GetEnvironmentVariable("EKYC_DATA_DIR") ?? FindBesideRepository("shared", "data");
        models ??= FaceModelsOptions.FindDefaultDirectory(AppContext.BaseDirectory) ?? FaceModelsOptions.FindDefaultDirectory(Environment.CurrentDirectory);
        if (data is null || models is null) return null;
        return new EvalOptions(data, models, fmr, threads);
    }

    private static string? FindBesideRepository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EKyc.Orleans.sln")))
            {
                var candidate = Path.Combine([dir.FullName, "..", .. parts]);
                return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }
        return null;
    }
}
