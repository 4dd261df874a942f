namespace EKyc.Biometrics.Recognition;

/// <summary>Decision threshold for 1:1 face comparison (document portrait vs selfie).</summary>
public sealed record FaceMatchOptions
{
    /// <summary>
    /// Cosine similarity at or above which two faces are declared the same person. Default 0.40: over all 1653 pairs
    /// of ../shared/data/faces the highest impostor scored 0.347 and the lowest genuine pair 0.465, and the threshold
    /// for FMR ≤ 0.1 % there is 0.33 (1522 impostor pairs, so the FMR resolution is 0.07 %). 0.40 sits between the
    /// two populations, leaning to the impostor side's safety. Press photos of 14 people are not ID-portrait-vs-selfie
    /// data: re-derive it on such data (and thousands of impostor pairs) before production.
    /// </summary>
    public float Threshold { get; init; } = 0.40f;
}

/// <summary>Outcome of one comparison; the score is kept so a reviewer or a later policy can see the margin.</summary>
public sealed record FaceMatchResult(float Score, float Threshold, bool IsMatch);

public sealed class FaceMatchPolicy(FaceMatchOptions options)
{
    public FaceMatchOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public FaceMatchResult Compare(ReadOnlySpan<float> embeddingA, ReadOnlySpan<float> embeddingB)
    {
        var score = Embeddings.Cosine(embeddingA, embeddingB);
        return new FaceMatchResult(score, Options.Threshold, score >= Options.Threshold);
    }
}
