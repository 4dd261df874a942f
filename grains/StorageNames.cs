namespace EKyc.Grains;

/// <summary>Names of the Orleans providers the grains use; the silo registers providers under these names.</summary>
public static class StorageNames
{
    public const string Grains = "ekyc";
    public const string Streams = "activity";
}
