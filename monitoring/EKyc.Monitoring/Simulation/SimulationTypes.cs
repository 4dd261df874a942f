using System.Collections.Immutable;
using EKyc.Monitoring.Activity;
using EKyc.Monitoring.Features;

namespace EKyc.Monitoring.Simulation;

/// <summary>The injected fraud patterns; <see cref="None"/> labels normal activity.</summary>
public enum FraudScenario
{
    None = 0,

    /// <summary>
    /// New device and (usually) country, contact change, then a large transfer to a new counterparty. When the country
    /// changes, the holder was active at home minutes before: the attacker's first event is a country hop.
    /// </summary>
    AccountTakeover = 1,

    /// <summary>A burst of transfers to many new counterparties within hours.</summary>
    Mule = 2,

    /// <summary>Many failed logins from rotating devices and countries, sometimes ending in a success.</summary>
    CredentialStuffing = 3,

    /// <summary>An account silent for weeks wakes up with a login and a large transfer.</summary>
    DormantReactivation = 4,

    /// <summary>
    /// Several transfers just under the reporting threshold to one to three new counterparties over one to two days,
    /// on an account whose usual amounts are at most a tenth of that threshold.
    /// </summary>
    Structuring = 5,
}

/// <summary>Settings of one simulation run. Everything the run produces follows from these and the seed.</summary>
public sealed record SimulationOptions
{
    public int Accounts { get; init; } = 1000;
    public int Days { get; init; } = 60;
    public int Seed { get; init; } = 1;
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Incidents start on this day or later, so victims have a history first.</summary>
    public int FirstFraudDay { get; init; } = 21;

    /// <summary>Share of accounts that get one injected incident; 0 for a normal-only (training) run.</summary>
    public double FraudAccountShare { get; init; } = 0.05;

    public ImmutableArray<FraudScenario> Scenarios { get; init; } =
        [FraudScenario.AccountTakeover, FraudScenario.Mule, FraudScenario.CredentialStuffing, FraudScenario.DormantReactivation, FraudScenario.Structuring];

    /// <summary>The reporting threshold the simulated structuring stays under (the monitoring's default, unless a run says otherwise).</summary>
    public decimal ReportingThreshold { get; init; } = WindowOptions.DefaultReportingThreshold;

    public IEnumerable<string> Problems()
    {
        if (Accounts is < 1 or > 1_000_000) yield return "Accounts must be between 1 and 1,000,000";
        if (Days is < 50 or > 3650) yield return "Days must be between 50 and 3650 (dormancy needs weeks of silence)";
        if (FirstFraudDay < 7 || FirstFraudDay > Days - 2) yield return "FirstFraudDay must leave a week of history and two days of fraud";
        if (!(FraudAccountShare is >= 0 and <= 0.5)) yield return "FraudAccountShare must be between 0 and 0.5";
        if (Scenarios.IsDefaultOrEmpty || Scenarios.Contains(FraudScenario.None)) yield return "Scenarios must name at least one fraud scenario";
        if (ReportingThreshold is < 100 or > 1_000_000_000) yield return "ReportingThreshold must be between 100 and 10^9";
    }
}

/// <summary>How an account behaves when nothing is wrong. Synthetic: ids and amounts come from the seeded generator.</summary>
public sealed record AccountProfile(
    string AccountId,
    string Segment,
    double MedianAmount,
    double AmountSpread,
    double TransactionsPerDay,
    double SessionsPerDay,
    double ActiveHour,
    double HourSpread,
    string HomeCountry,
    ImmutableArray<string> Devices,
    double NewCounterpartyRate);

/// <summary>An event with its ground truth: the scenario it belongs to and the incident id (0 for normal activity).</summary>
public sealed record LabelledEvent(ActivityEvent Event, FraudScenario Label, int Incident)
{
    public bool IsFraud => Label != FraudScenario.None;
}

/// <summary>One injected incident.</summary>
public sealed record FraudIncident(int Id, string AccountId, FraudScenario Scenario, DateTimeOffset Start, DateTimeOffset End, int Events);

/// <summary>One account's profile and its events in time order.</summary>
public sealed record SimulatedAccount(AccountProfile Profile, ImmutableArray<LabelledEvent> Events);

/// <summary>The output of a run.</summary>
public sealed record SimulationResult(SimulationOptions Options, ImmutableArray<SimulatedAccount> Accounts, ImmutableArray<FraudIncident> Incidents)
{
    public long EventCount => Accounts.Sum(a => (long)a.Events.Length);

    /// <summary>Index of the simulated day an instant falls on.</summary>
    public int DayOf(DateTimeOffset at) => (int)Math.Floor((at - Options.Start).TotalDays);
}
