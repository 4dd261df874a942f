using EKyc.Documents.Mrz;

namespace EKyc.Documents.Viz;

/// <summary>
/// Compares the printed visual zone with the MRZ field by field: surname, given names, birth date, document number
/// and expiry. The MRZ is the reference (its check digits verified), so the printed text is searched for the MRZ's
/// values rather than parsed by caption, which keeps it independent of each issuer's layout.
/// </summary>
public static class VizCrossCheck
{
    /// <summary>
    /// The recogniser confidence below which a line can confirm a value but not contradict one. On the genuine
    /// specimens no threshold from 0 to 0.95 raised a false signal (<c>./ekyc eval documents</c>); 0.9 is margin for
    /// photos worse than those scans, at the cost of 4 of 167 tamperings caught without it.
    /// </summary>
    public const double EvidenceConfidence = 0.9;

    public static VizComparison Compare(IReadOnlyList<VizLine> lines, MrzDocument mrz, DateOnly today, double evidenceConfidence = EvidenceConfidence)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(mrz);
        // MRZ-like lines (filler runs) are the machine zone itself, never the printed one.
        var printed = lines.Where(l => !l.Text.Contains("<<", StringComparison.Ordinal) && l.Text.Length > 0).ToList();
        var namesField = mrz.Fields.GetValueOrDefault(MrzLayout.Names) ?? "";
        var truncated = namesField.Length > 0 && namesField[^1] != '<';
        var (surname, given) = VizNames.Compare(printed, mrz.Surname, mrz.GivenNames, truncated, evidenceConfidence);
        var (birth, expiry) = VizDates.Compare(printed, mrz.BirthDate, mrz.ExpiryDate, today, evidenceConfidence);
        var number = VizDocumentNumber.Compare(printed, mrz.DocumentNumber, today, evidenceConfidence);
        return new VizComparison(new Dictionary<VizField, VizOutcome>
        {
            [VizField.Surname] = surname,
            [VizField.GivenNames] = given,
            [VizField.BirthDate] = birth,
            [VizField.DocumentNumber] = number,
            [VizField.Expiry] = expiry,
        }, printed.Count);
    }
}
