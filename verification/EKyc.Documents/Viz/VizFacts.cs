namespace EKyc.Documents.Viz;

/// <summary>
/// Fact names and values the visual-zone check records: per field whether it agreed, differed or was not compared
/// (never the values themselves), and how many printed lines were read.
/// </summary>
public static class VizFacts
{
    public const string LinesRead = "viz_lines_read";

    public static string Key(VizField field) => field switch
    {
        VizField.Surname => "viz_surname",
        VizField.GivenNames => "viz_given_names",
        VizField.BirthDate => "viz_birth_date",
        VizField.DocumentNumber => "viz_document_number",
        VizField.Expiry => "viz_expiry",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static string Value(VizOutcome outcome) => outcome switch
    {
        VizOutcome.Agrees => "agrees",
        VizOutcome.Differs => "differs",
        _ => "not_compared",
    };
}
