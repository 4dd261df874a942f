using EKyc.Verification.Checks;

namespace EKyc.Grains.Ports;

/// <summary>
/// The checks that run once capture is complete (sanctions/PEP screening; later duplicate identities and
/// jurisdiction rules). The grain runs them on entering UnderVerification and decides on their results.
/// </summary>
public interface IBackgroundChecks
{
    Task<IReadOnlyList<CheckResult>> RunAsync(BackgroundSubject subject, CancellationToken cancellationToken);
}

/// <summary>What background checks may use: the registered name, and what the document established when known.</summary>
public sealed record BackgroundSubject(string GivenNames, string Surname, DateOnly? BirthDate, string? Nationality);
