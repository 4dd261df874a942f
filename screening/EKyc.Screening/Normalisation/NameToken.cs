namespace EKyc.Screening.Normalisation;

/// <summary>How much a token says about identity.</summary>
public enum TokenRole
{
    /// <summary>An ordinary name part.</summary>
    Name,

    /// <summary>A connecting particle (al, bin, de, van …): kept for display, weighs little.</summary>
    Particle,

    /// <summary>A word many company names share (trading, international, group …): weighs half.</summary>
    Generic,
}

/// <summary>One normalised word of a name.</summary>
/// <param name="Text">Lowercase ASCII (or the original script when no romanisation exists).</param>
/// <param name="FromConsonantalScript">Romanised from Arabic: short vowels are missing, so compare skeletons.</param>
public sealed record NameToken(string Text, TokenRole Role, bool FromConsonantalScript = false)
{
    /// <summary>
    /// How much the token counts in a name score: longer tokens carry more identity than short ones, capped so one
    /// long word cannot outweigh the rest; particles and initials count one unit.
    /// </summary>
    public float Weight => Role switch
    {
        TokenRole.Particle => 1f,
        TokenRole.Generic => Math.Min(Text.Length, 10) * 0.5f,
        _ => Text.Length == 1 ? 1f : Math.Min(Text.Length, 10),
    };
}
