namespace EKyc.GrainInterfaces.Common;

/// <summary>The kind of a refused command; the API's one table maps kinds to HTTP statuses.</summary>
public enum ErrorKind
{
    Validation = 0,
    NotFound = 1,
    Conflict = 2,
    TooLarge = 3,
    Unavailable = 4,
}
