using System.Collections.Immutable;
using System.Globalization;
using EKyc.Monitoring.Activity;

namespace EKyc.Monitoring.Simulation;

/// <summary>
/// Seeded generator of account activity for training and evaluating the monitoring: accounts with behaviour profiles
/// (segment, typical amounts, devices, home country, session cadence and hours, counterparties, travel, device
/// upgrades, typo logins, legitimate large payments and long silences) and, on a share of accounts, one labelled fraud
/// incident each. Every account draws from its own generator seeded from (seed, index), and incidents from another, so a
/// victim's normal stream is the same with and without its incident. Ids and amounts are synthetic, not personal data.
/// </summary>
public sealed class ActivitySimulator(SimulationOptions options)
{
    private static readonly string[] Countries =
        ["GB", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "IE", "PT", "US", "GR", "HR", "TR", "BR", "RO", "NG", "IN", "TH", "MX"];

    private const int HomeCountryChoices = 10;
    private const int SharedMerchants = 300;
    private const double Minute = 1.0 / (24 * 60);

    public SimulationResult Run()
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException("invalid simulation options: " + string.Join("; ", problems));

        var victims = ChooseVictims();
        var accounts = ImmutableArray.CreateBuilder<SimulatedAccount>(options.Accounts);
        var incidents = ImmutableArray.CreateBuilder<FraudIncident>();
        for (var index = 0; index < options.Accounts; index++)
        {
            var rng = new Random(Mix(options.Seed, index));
            var profile = Profile(index, rng);
            var stream = new Stream(profile, options, index);
            victims.TryGetValue(index, out var scenario);
            // The incident's own draws come from a separate generator, so they never shift the normal stream.
            var fraudRng = new Random(Mix(options.Seed ^ 0x5BD1E995, index));
            var plan = scenario == FraudScenario.None ? null : Plan(scenario, fraudRng);
            Normal(stream, rng, plan);
            if (plan is not null)
            {
                var id = incidents.Count + 1;
                var before = stream.Events.Count;
                Inject(stream, plan, id, fraudRng);
                var mine = stream.Events.Skip(before).ToList();
                incidents.Add(new FraudIncident(id, profile.AccountId, scenario, mine.Min(e => e.Event.OccurredAt), mine.Max(e => e.Event.OccurredAt), mine.Count));
            }
            var ordered = stream.Events.Select((e, i) => (e, i)).OrderBy(x => x.e.Event.OccurredAt).ThenBy(x => x.i).Select(x => x.e);
            accounts.Add(new SimulatedAccount(profile, [.. ordered]));
        }
        return new SimulationResult(options, accounts.MoveToImmutable(), incidents.ToImmutable());
    }

    private Dictionary<int, FraudScenario> ChooseVictims()
    {
        var count = (int)Math.Round(options.Accounts * options.FraudAccountShare);
        var rng = new Random(Mix(options.Seed, -1));
        var order = Enumerable.Range(0, options.Accounts).ToArray();
        rng.Shuffle(order);
        var victims = new Dictionary<int, FraudScenario>(count);
        var taken = new bool[options.Accounts];
        int next = 0, nextSmall = 0;
        for (var i = 0; i < count; i++)
        {
            var scenario = options.Scenarios[i % options.Scenarios.Length];
            var account = -1;
            if (scenario == FraudScenario.Structuring)
            {
                // Structuring stands out only on an account whose own amounts are far smaller; the next such account in
                // the shuffled order takes it (any account if none is left, which only tiny runs reach).
                while (nextSmall < order.Length && (taken[order[nextSmall]] || !SmallSpender(order[nextSmall]))) nextSmall++;
                if (nextSmall < order.Length) account = order[nextSmall];
            }
            if (account < 0)
            {
                while (taken[order[next]]) next++;
                account = order[next];
            }
            taken[account] = true;
            victims[account] = scenario;
        }
        return victims;
    }

    // The profile is drawn first from the account's own generator, so drawing it again here changes nothing in Run.
    private bool SmallSpender(int index) =>
        (decimal)Profile(index, new Random(Mix(options.Seed, index))).MedianAmount * 10 <= options.ReportingThreshold;

    // SplitMix-style mixing: a stable seed per (run, account) whatever the number of accounts.
    private static int Mix(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    private static AccountProfile Profile(int index, Random rng)
    {
        var roll = rng.NextDouble();
        var (segment, median, spread, txPerDay, sessions, hour, hourSpread, devices, newCp) = roll switch
        {
            < 0.70 => ("retail", LogUniform(rng, 15, 250), Uniform(rng, 0.5, 1.0), Uniform(rng, 0.3, 3), Uniform(rng, 0.5, 3), Uniform(rng, 7, 22), Uniform(rng, 1.5, 4), 1 + (rng.NextDouble() < 0.35 ? 1 : 0), 0.05),
            < 0.82 => ("occasional", LogUniform(rng, 20, 400), Uniform(rng, 0.5, 1.0), Uniform(rng, 0.05, 0.4), Uniform(rng, 0.1, 0.5), Uniform(rng, 8, 21), Uniform(rng, 1.5, 4), 1, 0.08),
            < 0.90 => ("business", LogUniform(rng, 100, 1500), Uniform(rng, 0.6, 1.2), Uniform(rng, 5, 25), Uniform(rng, 2, 8), Uniform(rng, 9, 17), Uniform(rng, 1.5, 3), 2 + rng.Next(0, 3), 0.10),
            _ => ("affluent", LogUniform(rng, 500, 6000), Uniform(rng, 0.5, 1.0), Uniform(rng, 0.5, 2), Uniform(rng, 0.5, 2), Uniform(rng, 7, 22), Uniform(rng, 1.5, 3.5), 1 + rng.Next(0, 2), 0.06),
        };
        var id = $"acct-{index:D6}";
        return new AccountProfile(id, segment, Math.Round(median, 2), spread, txPerDay, sessions, hour, hourSpread,
            Countries[rng.Next(HomeCountryChoices)], [.. Enumerable.Range(0, devices).Select(k => $"dev-{index}-{k}")], newCp);
    }

    private sealed record IncidentPlan(FraudScenario Scenario, double Day, double SilenceFromDay);

    private IncidentPlan Plan(FraudScenario scenario, Random rng)
    {
        if (scenario == FraudScenario.DormantReactivation)
        {
            var earliest = Math.Min(Math.Max(options.FirstFraudDay, 35), options.Days - 2);
            var day = rng.Next(earliest, options.Days - 1) + Uniform(rng, 0.3, 0.9);
            var silence = Uniform(rng, 30, Math.Min(day - 3, 90));
            return new IncidentPlan(scenario, day, day - silence);
        }
        // At least an hour into the day, so the events an incident places just before its start stay on that day.
        return new IncidentPlan(scenario, rng.Next(options.FirstFraudDay, options.Days - 1) + Uniform(rng, 1.0 / 24, 1), double.MaxValue);
    }

    /// <summary>The account's own activity, day by day.</summary>
    private void Normal(Stream s, Random rng, IncidentPlan? plan)
    {
        var p = s.Profile;
        var devices = p.Devices.ToList();
        var pool = Enumerable.Range(0, p.Segment switch { "business" => rng.Next(30, 120), "occasional" => rng.Next(2, 7), "affluent" => rng.Next(8, 21), _ => rng.Next(5, 16) })
            .Select(k => rng.NextDouble() < 0.4 ? $"m-{rng.Next(SharedMerchants)}" : $"cp-{s.Index}-{k}").Distinct().ToList();
        var payrollDay = rng.Next(0, 28);
        var silentUntil = -1;
        var travelUntil = -1;
        var travelCountry = p.HomeCountry;
        var newCounterparties = 0;

        for (var day = 0; day < options.Days; day++)
        {
            if (plan is not null && day + 1 > plan.SilenceFromDay && day < plan.Day) continue;
            if (day < silentUntil) continue;
            if (p.Segment == "occasional" && rng.NextDouble() < 0.02)
            {
                silentUntil = day + rng.Next(10, 46);
                continue;
            }
            if (day >= travelUntil && rng.NextDouble() < 0.004)
            {
                travelUntil = day + rng.Next(3, 13);
                travelCountry = OtherCountry(rng, p.HomeCountry);
            }
            var country = day < travelUntil ? travelCountry : p.HomeCountry;
            var sessions = Poisson(rng, p.SessionsPerDay);
            var transactions = Poisson(rng, p.TransactionsPerDay);
            if (transactions > 0 && sessions == 0) sessions = 1;
            if (sessions == 0) continue;

            var starts = Enumerable.Range(0, sessions).Select(_ => day + Wrap(p.ActiveHour + p.HourSpread * Gaussian(rng)) / 24).Order().ToArray();
            if (rng.NextDouble() < 0.002)
            {
                // A new phone: the platform reports the change, the new device becomes the main one.
                var upgraded = $"dev-{s.Index}-{devices.Count}";
                devices.Insert(0, upgraded);
                s.Add(starts[0] - Minute, ActivityType.DeviceChange, device: upgraded, country: country);
            }
            for (var k = 0; k < sessions; k++)
            {
                var at = starts[k];
                var device = devices.Count > 1 && rng.NextDouble() < 0.15 ? devices[1 + rng.Next(devices.Count - 1)] : devices[0];
                if (rng.NextDouble() < 0.04)
                {
                    var typos = rng.NextDouble() < 0.8 ? 1 : rng.Next(2, 4);
                    for (var t = typos; t >= 1; t--) s.Add(at - t * Uniform(rng, 0.3, 1.5) * Minute, ActivityType.Login, device: device, country: country, success: false);
                }
                s.Add(at, ActivityType.Login, device: device, country: country, success: true);
                if (k == 0)
                {
                    if (rng.NextDouble() < 0.001) s.Add(at + 2 * Minute, ActivityType.ContactChange, device: device, country: country);
                    if (rng.NextDouble() < 0.0005) s.Add(at + 3 * Minute, ActivityType.AddressChange, device: device, country: country);
                    if (rng.NextDouble() < 0.001) s.Add(at + Minute, ActivityType.PasswordReset, device: device, country: country);
                    if (rng.NextDouble() < 0.004)
                    {
                        // A new payee, usually paid in the same session; now and then a large one (a car, a deposit).
                        var payee = $"cp-{s.Index}-n{newCounterparties++}";
                        pool.Add(payee);
                        s.Add(at + 2 * Minute, ActivityType.BeneficiaryAdded, device: device, country: country, counterparty: payee);
                        if (rng.NextDouble() < 0.6)
                        {
                            var amount = rng.NextDouble() < 0.25 ? p.MedianAmount * Uniform(rng, 5, 30) : Amount(rng, p);
                            s.Add(at + Uniform(rng, 4, 30) * Minute, ActivityType.Transaction, device: device, country: country, amount: amount, counterparty: payee);
                        }
                    }
                }
                var mine = transactions / sessions + (k < transactions % sessions ? 1 : 0);
                for (var t = 0; t < mine; t++)
                {
                    var counterparty = rng.NextDouble() < p.NewCounterpartyRate ? NewPayee(s, pool, ref newCounterparties) : Zipf(rng, pool);
                    s.Add(at + Uniform(rng, 0.5, 15) * Minute, ActivityType.Transaction, device: device, country: country, amount: Amount(rng, p), counterparty: counterparty);
                }
            }
            if (p.Segment == "business" && day % 28 == payrollDay)
            {
                // Payroll: a legitimate burst of many payments within the hour.
                var at = day + Uniform(rng, 9, 12) / 24;
                var staff = rng.Next(10, 36);
                for (var t = 0; t < staff; t++)
                    s.Add(at + Uniform(rng, 0, 50) * Minute, ActivityType.Transaction, device: devices[0], country: country,
                        amount: p.MedianAmount * Uniform(rng, 0.5, 2), counterparty: $"staff-{s.Index}-{t}");
            }
            if (p.Segment == "affluent" && rng.NextDouble() < 0.01)
                s.Add(starts[0] + Uniform(rng, 1, 20) * Minute, ActivityType.Transaction, device: devices[0], country: country,
                    amount: Uniform(rng, 10_000, 80_000), counterparty: Zipf(rng, pool));
        }
    }

    private static string NewPayee(Stream s, List<string> pool, ref int counter)
    {
        var payee = $"cp-{s.Index}-n{counter++}";
        pool.Add(payee);
        return payee;
    }

    /// <summary>Appends the incident's events, labelled.</summary>
    private void Inject(Stream s, IncidentPlan plan, int id, Random rng)
    {
        var p = s.Profile;
        var t = plan.Day;
        var label = plan.Scenario;
        var attacker = $"atk-{id}-0";
        switch (plan.Scenario)
        {
            case FraudScenario.AccountTakeover:
            {
                var country = rng.NextDouble() < 0.85 ? OtherCountry(rng, p.HomeCountry) : p.HomeCountry;
                if (country != p.HomeCountry)
                {
                    // The holder was online at home shortly before: the stolen login is used from abroad within the hour.
                    s.Add(t - Uniform(rng, 5, 45) * Minute, ActivityType.Login, p.Devices[0], p.HomeCountry, success: true, label: label, incident: id);
                }
                var failures = rng.Next(0, 3);
                for (var k = failures; k >= 1; k--) s.Add(t - k * Minute, ActivityType.Login, attacker, country, success: false, label: label, incident: id);
                s.Add(t, ActivityType.Login, attacker, country, success: true, label: label, incident: id);
                var at = t + Uniform(rng, 2, 20) * Minute;
                if (rng.NextDouble() < 0.9) s.Add(at, ActivityType.ContactChange, attacker, country, label: label, incident: id);
                if (rng.NextDouble() < 0.3) s.Add(at + Minute, ActivityType.PasswordReset, attacker, country, label: label, incident: id);
                var payee = $"atk-cp-{id}";
                if (rng.NextDouble() < 0.7) s.Add(at + 2 * Minute, ActivityType.BeneficiaryAdded, attacker, country, counterparty: payee, label: label, incident: id);
                var transfers = 1 + rng.Next(0, 3);
                var when = at + Uniform(rng, 5, 90) * Minute;
                for (var k = 0; k < transfers; k++)
                {
                    var amount = Math.Clamp(p.MedianAmount * Uniform(rng, 8, 40), 300, 60_000);
                    s.Add(when, ActivityType.Transaction, attacker, country, amount: amount, counterparty: payee, label: label, incident: id);
                    when += Uniform(rng, 1, 30) * Minute;
                }
                break;
            }
            case FraudScenario.Mule:
            {
                var device = rng.NextDouble() < 0.7 ? p.Devices[0] : attacker;
                var hours = Uniform(rng, 1.5, 8);
                var count = rng.Next(12, 46);
                var payees = rng.Next(8, Math.Min(count, 30) + 1);
                s.Add(t, ActivityType.Login, device, p.HomeCountry, success: true, label: label, incident: id);
                for (var k = 0; k < count; k++)
                    s.Add(t + Uniform(rng, 1 * Minute, hours / 24), ActivityType.Transaction, device, p.HomeCountry,
                        amount: Uniform(rng, 150, 2500), counterparty: $"mule-{id}-{rng.Next(payees)}", label: label, incident: id);
                break;
            }
            case FraudScenario.CredentialStuffing:
            {
                var attempts = rng.Next(6, 41);
                var span = rng.NextDouble() < 0.4 ? Uniform(rng, 5, 45) / (24 * 60) : Uniform(rng, 3, 12) / 24;
                var bots = rng.Next(3, 11);
                var last = t;
                for (var k = 0; k < attempts; k++)
                {
                    last = t + span * k / attempts;
                    s.Add(last, ActivityType.Login, $"atk-{id}-{rng.Next(bots)}", Countries[rng.Next(Countries.Length)], success: false, label: label, incident: id);
                }
                if (rng.NextDouble() < 0.25)
                    s.Add(last + Minute, ActivityType.Login, attacker, Countries[rng.Next(Countries.Length)], success: true, label: label, incident: id);
                break;
            }
            case FraudScenario.DormantReactivation:
            {
                var device = rng.NextDouble() < 0.6 ? attacker : p.Devices[0];
                var country = rng.NextDouble() < 0.4 ? OtherCountry(rng, p.HomeCountry) : p.HomeCountry;
                s.Add(t, ActivityType.Login, device, country, success: true, label: label, incident: id);
                var payee = $"atk-cp-{id}";
                if (rng.NextDouble() < 0.5) s.Add(t + Uniform(rng, 2, 30) * Minute, ActivityType.BeneficiaryAdded, device, country, counterparty: payee, label: label, incident: id);
                var amount = Math.Clamp(p.MedianAmount * Uniform(rng, 10, 40), 800, 50_000);
                s.Add(t + Uniform(rng, 31, 120) * Minute, ActivityType.Transaction, device, country, amount: amount, counterparty: payee, label: label, incident: id);
                break;
            }
            case FraudScenario.Structuring:
                InjectStructuring(s, t, id, rng);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(plan), plan.Scenario, "not a fraud scenario");
        }
    }

    /// <summary>
    /// The holder splits a sum into transfers just under the reporting threshold, at their usual hours, over one to two
    /// days, each after a login from their own device at home; half of the new payees are added as beneficiaries first.
    /// </summary>
    private void InjectStructuring(Stream s, double start, int id, Random rng)
    {
        var p = s.Profile;
        const FraudScenario label = FraudScenario.Structuring;
        var threshold = (double)options.ReportingThreshold;
        // Round sums, as someone splitting by hand picks: a thousandth of the threshold (10 for 10,000) is the step.
        var step = threshold / 1000;
        var span = Math.Min(Uniform(rng, 1, 2), options.Days - start);
        var payees = Enumerable.Range(0, rng.Next(1, 4)).Select(k => $"str-cp-{id}-{k}").ToArray();
        var times = Enumerable.Range(0, rng.Next(4, 9))
            .Select(_ => Math.Floor(start + span * rng.NextDouble()) + Math.Clamp(Wrap(p.ActiveHour + p.HourSpread * Gaussian(rng)), 1, 23) / 24)
            .Order().ToArray();
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var at in times)
        {
            var payee = payees[rng.Next(payees.Length)];
            s.Add(at - Uniform(rng, 1, 5) * Minute, ActivityType.Login, p.Devices[0], p.HomeCountry, success: true, label: label, incident: id);
            if (added.Add(payee) && rng.NextDouble() < 0.5)
                s.Add(at - 0.5 * Minute, ActivityType.BeneficiaryAdded, p.Devices[0], p.HomeCountry, counterparty: payee, label: label, incident: id);
            var amount = Math.Round(threshold * Uniform(rng, 0.92, 0.99) / step) * step;
            s.Add(at, ActivityType.Transaction, p.Devices[0], p.HomeCountry, amount: amount, counterparty: payee, label: label, incident: id);
        }
    }

    private static string OtherCountry(Random rng, string home)
    {
        string country;
        do country = Countries[rng.Next(Countries.Length)];
        while (country == home);
        return country;
    }

    private static double Amount(Random rng, AccountProfile p) => Math.Max(1, p.MedianAmount * Math.Exp(p.AmountSpread * Gaussian(rng)));

    private static string Zipf(Random rng, List<string> pool)
    {
        // Weight 1/(rank+1): a few regular payees take most payments.
        var total = 0.0;
        for (var i = 0; i < pool.Count; i++) total += 1.0 / (i + 1);
        var x = rng.NextDouble() * total;
        for (var i = 0; i < pool.Count; i++)
        {
            x -= 1.0 / (i + 1);
            if (x <= 0) return pool[i];
        }
        return pool[^1];
    }

    private static double Uniform(Random rng, double low, double high) => low + (high - low) * rng.NextDouble();

    private static double LogUniform(Random rng, double low, double high) => Math.Exp(Uniform(rng, Math.Log(low), Math.Log(high)));

    private static double Wrap(double hour) => ((hour % 24) + 24) % 24;

    private static double Gaussian(Random rng)
    {
        var u = 1 - rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }

    private static int Poisson(Random rng, double mean)
    {
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(rng)));
        var limit = Math.Exp(-mean);
        var product = rng.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= rng.NextDouble();
        }
        return count;
    }

    /// <summary>One account's events under construction.</summary>
    private sealed class Stream(AccountProfile profile, SimulationOptions options, int index)
    {
        private int _sequence;

        public AccountProfile Profile { get; } = profile;
        public int Index { get; } = index;
        public List<LabelledEvent> Events { get; } = [];

        public void Add(double day, ActivityType type, string? device = null, string? country = null, bool? success = null,
            double? amount = null, string? counterparty = null, FraudScenario label = FraudScenario.None, int incident = 0)
        {
            var at = options.Start.AddTicks((long)Math.Round(Math.Max(0, day) * TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
            var e = new ActivityEvent
            {
                EventId = string.Create(CultureInfo.InvariantCulture, $"sim-{options.Seed}-{Index}-{_sequence++}"),
                AccountId = Profile.AccountId,
                OccurredAt = at,
                Type = type,
                Amount = amount is { } a ? Math.Round((decimal)a, 2) : null,
                Currency = amount is null ? null : "EUR",
                Success = type == ActivityType.Login ? success ?? true : null,
                DeviceId = device,
                IpCountry = country,
                Counterparty = counterparty,
            };
            Events.Add(new LabelledEvent(e, label, incident));
        }
    }
}
