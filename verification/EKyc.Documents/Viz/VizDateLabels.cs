namespace EKyc.Documents.Viz;

/// <summary>
/// Places a printed date by its caption where one can be recognised: ICAO 9303 captions are bilingual or trilingual
/// with English or French among them, so a few word stems find "Date of birth/Date de naissance" or "Date of
/// expiry/Valid until" whatever the layout. The date is the one on the caption's own line or on the first line
/// below it in the same column; a caption that also names another date (a combined issue/expiry caption) or a place
/// (place of birth) places nothing.
/// </summary>
internal static class VizDateLabels
{
    public static readonly string[] Birth = ["BIRTH", "NAISS", "GEBURT", "NACIM", "NASCI", "URODZ", "NAROZ", "SYNTY", "SZULET", "FODEL", "GIMIM"];
    public static readonly string[] Expiry = ["EXPIR", "VALID", "GULTIG", "PLATNOST", "VOIMASSA", "SCADENZA", "CADUCIDAD", "WAZNOSC", "GELDIG", "UNTIL", "JUSQU"];
    private static readonly string[] Other = ["ISSUE", "DELIVR", "AUSSTELL", "VYDAN", "WYDAN", "EMISS", "EXPEDIC", "PLACE", "LIEU", "MIEJSCE", "MISTO", "LUGAR", "LUOGO", "GEBURTSORT"];

    /// <summary>The dates captioned with one of <paramref name="stems"/>, and the confidence of the line each was read from.</summary>
    public static List<(VizDate Date, double Confidence)> Find(IReadOnlyList<VizLine> lines, string[] stems, string[] otherField, DateOnly today)
    {
        var found = new List<(VizDate, double)>();
        foreach (var label in lines)
        {
            var key = Key(label.Text);
            if (!stems.Any(s => key.Contains(s, StringComparison.Ordinal))) continue;
            if (Other.Concat(otherField).Any(s => key.Contains(s, StringComparison.Ordinal))) continue;
            var own = VizDateParser.Find(label.Text, today);
            if (own.Count > 0)
            {
                found.Add((own[0], label.Confidence));
                continue;
            }
            var h = (double)Math.Max(1, label.Bounds.Height);
            var below = lines
                .Where(l => !ReferenceEquals(l, label) && l.Bounds.Top >= label.Bounds.Top + 0.3 * h && l.Bounds.Top - label.Bounds.Bottom <= 2.5 * h)
                .Where(l => Math.Abs(l.Bounds.Left - label.Bounds.Left) <= 3 * h)
                .OrderBy(l => l.Bounds.Top)
                .FirstOrDefault();
            if (below is not null && VizDateParser.Find(below.Text, today) is { Count: > 0 } dates) found.Add((dates[0], below.Confidence));
        }
        return found;
    }

    // Capitals only: OCR runs caption words together and drops spaces ("Dateof expiryl").
    private static string Key(string text) => new(VizDateParser.Fold(text).Where(char.IsAsciiLetterUpper).ToArray());
}
