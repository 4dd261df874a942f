namespace EKyc.Biometrics.Recognition;

/// <summary>
/// Vector maths on face embeddings. Comparison is cosine similarity: the faceplugin <c>matchFeature()</c> subtracts
/// the mean of the two vectors from each, which makes them exact opposites, so it returns −1 for every pair.
/// </summary>
public static class Embeddings
{
    /// <summary>The vector scaled to unit length (a zero vector stays zero rather than becoming NaN).</summary>
    public static float[] Normalize(ReadOnlySpan<float> v)
    {
        double sum = 0;
        foreach (var x in v) sum += x * (double)x;
        var norm = Math.Sqrt(sum);
        var result = new float[v.Length];
        if (norm < 1e-12) return result;
        for (var i = 0; i < v.Length; i++) result[i] = (float)(v[i] / norm);
        return result;
    }

    /// <summary>Cosine of the angle between two vectors, in [−1, 1]; 0 when either is zero.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"embedding lengths differ ({a.Length} vs {b.Length})");
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        if (na < 1e-24 || nb < 1e-24) return 0;
        return (float)Math.Clamp(dot / Math.Sqrt(na * nb), -1, 1);
    }
}
