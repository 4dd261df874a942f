namespace EKyc.Architecture.Tests;

/// <summary>Project references are the architecture; these tests keep them honest.</summary>
public class DependencyRulesTests
{
    // The domain libraries need no Orleans runtime and no database: they may carry Orleans' serialization library
    // (their types are grain state and messages, and their serializers must be generated where they are declared).
    // The image and ML libraries (documents, biometrics, the monitoring model) may also carry native/ML packages; the
    // contract cores, which the API reaches, may not.
    private static readonly string[] ContractCores = ["EKyc.Verification", "EKyc.Monitoring", "EKyc.Screening"];
    private static readonly string[] NativeDomainLibraries = ["EKyc.Documents", "EKyc.Biometrics", "EKyc.Monitoring.Ml"];
    // System.IO.Hashing: managed non-cryptographic hashes (the activity window's de-duplication ring), no I/O.
    private static readonly string[] AllowedInPureCores =
        ["Microsoft.Orleans.Serialization", "Microsoft.Orleans.Serialization.Abstractions", "Microsoft.Orleans.CodeGenerator", "System.IO.Hashing"];
    private static readonly string[] NativeOrMl = ["OpenCvSharp4", "OpenCvSharp4.official.runtime.linux-x64", "Microsoft.ML.OnnxRuntime", "Microsoft.ML"];

    public static TheoryData<string> ContractCoreNames => [.. ContractCores];

    public static TheoryData<string> NativeDomainLibraryNames => [.. NativeDomainLibraries];

    [Theory]
    [MemberData(nameof(ContractCoreNames))]
    public void Contract_cores_reference_no_runtime_database_or_native_library(string name)
    {
        var all = ProjectFile.AllProjects();
        if (!all.TryGetValue(name, out var path)) Assert.Skip($"{name} does not exist yet");
        var project = ProjectFile.Load(path);
        Assert.Empty(project.Packages.Except(AllowedInPureCores));
        Assert.Empty(project.Projects.Except(ContractCores));
    }

    [Theory]
    [MemberData(nameof(NativeDomainLibraryNames))]
    public void Image_and_ml_libraries_reference_no_orleans_runtime_or_database(string name)
    {
        var all = ProjectFile.AllProjects();
        if (!all.TryGetValue(name, out var path)) Assert.Skip($"{name} does not exist yet");
        var project = ProjectFile.Load(path);
        Assert.Empty(project.Packages.Except(AllowedInPureCores).Except(NativeOrMl));
        Assert.Empty(project.Projects.Except(ContractCores).Except(NativeDomainLibraries));
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
