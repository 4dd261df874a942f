namespace EKyc.Documents.Viz;

/// <summary>
/// Compares the printed dates with the MRZ's birth and expiry dates without knowing which caption each sits under.
/// A printed date equal to the MRZ date agrees. Otherwise a confidently read date contradicts it when it is plainly
/// the same field: it differs from the MRZ date in one part only (day, month or year; for the expiry, only a later
/// date, since the issue date often shares the expiry's day and month); or — when birth, issue and expiry were all
/// read — it is the earliest date by a generation (the birth date) or the latest (the expiry); or its caption says
/// which it is (<see cref="VizDateLabels"/>). A date that cannot be placed is not compared: an unread field is not a
/// forgery.
/// </summary>
internal static class VizDates
{
    private const int GenerationYears = 12;

    public static (VizOutcome Birth, VizOutcome Expiry) Compare(IReadOnlyList<VizLine> lines, DateOnly? birth, DateOnly? expiry, DateOnly today, double minConfidence)
    {
        var dates = lines
            .SelectMany(l => VizDateParser.Find(l.Text, today).Select(d => (Date: d, l.Confidence)))
            .ToList();
        var birthFound = birth is { } b && dates.Exists(d => d.Date.Is(b));
        var expiryFound = expiry is { } e && dates.Exists(d => d.Date.Is(e));
        var unplaced = dates
            .Where(d => !(birth is { } b1 && d.Date.Is(b1)) && !(expiry is { } e1 && d.Date.Is(e1)))
            .Where(d => d.Confidence >= minConfidence)
            .Select(d => d.Date.Likely(today))
            .Distinct()
            .ToList();
        var all = dates.Select(d => d.Date.Likely(today)).Distinct().Order().ToList();

        var birthOutcome = birth is null ? VizOutcome.NotCompared : birthFound ? VizOutcome.Agrees : VizOutcome.NotCompared;
        if (birth is { } mrzBirth && !birthFound)
        {
            var contradicted = unplaced.Exists(d => OnePartDiffers(d, mrzBirth))
                || all.Count >= 3 && unplaced.Contains(all[0]) && all[1].Year - all[0].Year >= GenerationYears
                || VizDateLabels.Find(lines, VizDateLabels.Birth, VizDateLabels.Expiry, today).Exists(d => d.Confidence >= minConfidence && !(expiry is { } x && d.Date.Is(x)));
            if (contradicted) birthOutcome = VizOutcome.Differs;
        }

        var expiryOutcome = expiry is null ? VizOutcome.NotCompared : expiryFound ? VizOutcome.Agrees : VizOutcome.NotCompared;
        if (expiry is { } mrzExpiry && !expiryFound)
        {
            var contradicted = unplaced.Exists(d => d > mrzExpiry && OnePartDiffers(d, mrzExpiry))
                || all.Count >= 3 && unplaced.Contains(all[^1]) && all[^1].Year - all[0].Year >= GenerationYears
                || VizDateLabels.Find(lines, VizDateLabels.Expiry, VizDateLabels.Birth, today).Exists(d => d.Confidence >= minConfidence && !(birth is { } x && d.Date.Is(x)));
            if (contradicted) expiryOutcome = VizOutcome.Differs;
        }
        return (birthOutcome, expiryOutcome);
    }

    internal static bool OnePartDiffers(DateOnly a, DateOnly b) =>
        (a.Day != b.Day ? 1 : 0) + (a.Month != b.Month ? 1 : 0) + (a.Year % 100 != b.Year % 100 ? 1 : 0) == 1;
}
