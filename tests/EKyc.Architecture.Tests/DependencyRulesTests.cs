namespace EKyc.Architecture.Tests;

/// <summary>Project references are the architecture; these tests keep them honest.</summary>
public class DependencyRulesTests
{
    // The pure cores may carry Orleans' serialization library (their types are grain state and messages, and their
    // serializers must be generated where they are declared) and nothing else from outside the BCL: no grain runtime.
    private static readonly string[] PureCores = ["EKyc.Verification", "EKyc.Monitoring", "EKyc.Screening", "EKyc.Documents"];
    private static readonly string[] AllowedInPureCores =
        ["Microsoft.Orleans.Serialization", "Microsoft.Orleans.Serialization.Abstractions", "Microsoft.Orleans.CodeGenerator"];
    private static readonly string[] NativeOrMl = ["OpenCvSharp4", "OpenCvSharp4.official.runtime.linux-x64", "Microsoft.ML.OnnxRuntime", "Microsoft.ML"];

    public static TheoryData<string> PureCoreNames => [.. PureCores];

    [Theory]
    [MemberData(nameof(PureCoreNames))]
    public void Pure_cores_reference_no_runtime_database_or_native_library(string name)
    {
        var all = ProjectFile.AllProjects();
        if (!all.TryGetValue(name, out var path)) Assert.Skip($"{name} does not exist yet");
        var project = ProjectFile.Load(path);
        Assert.Empty(project.Packages.Except(AllowedInPureCores));
        Assert.Empty(project.Projects.Except(PureCores));
    }

    [Fact]
    public void The_api_never_reaches_grains_or_native_ml()
    {
        var api = ProjectFile.Load("api/EKyc.Api.csproj");
        var reachable = api.TransitiveProjects();
        Assert.DoesNotContain("EKyc.Grains", reachable);
        Assert.DoesNotContain("EKyc.Silo", reachable);
        var all = ProjectFile.AllProjects();
        var packages = api.Packages.Concat(reachable.Where(all.ContainsKey).SelectMany(p => ProjectFile.Load(all[p]).Packages));
        Assert.Empty(packages.Intersect(NativeOrMl));
    }

    [Fact]
    public void Grain_interfaces_are_contracts_only()
    {
        var contracts = ProjectFile.Load("grain-interfaces/EKyc.GrainInterfaces.csproj");
        Assert.DoesNotContain("EKyc.Grains", contracts.TransitiveProjects());
        Assert.Equal(["Microsoft.Orleans.Sdk"], contracts.Packages);
    }

    [Fact]
    public void Grains_reach_databases_only_through_ports()
    {
        var grains = ProjectFile.Load("grains/EKyc.Grains.csproj");
        Assert.Empty(grains.Packages.Intersect(["Npgsql", "Microsoft.Data.Sqlite", "Dapper"]));
        Assert.DoesNotContain("EKyc.ReadModels", grains.TransitiveProjects());
    }
}
