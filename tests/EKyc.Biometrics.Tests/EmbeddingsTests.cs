using EKyc.Biometrics.Recognition;

namespace EKyc.Biometrics.Tests;

public class EmbeddingsTests
{
    [Fact]
    public void Cosine_of_identical_orthogonal_and_opposite_vectors()
    {
        Assert.Equal(1f, Embeddings.Cosine([1, 2, 3], [1, 2, 3]), 6);
        Assert.Equal(0f, Embeddings.Cosine([1, 0, 0], [0, 5, 0]), 6);
        Assert.Equal(-1f, Embeddings.Cosine([1, -2, 3], [-1, 2, -3]), 6);
    }

    [Fact]
    public void Cosine_ignores_length()
    {
        Assert.Equal(Embeddings.Cosine([1, 2, 2], [2, 1, 2]), Embeddings.Cosine([10, 20, 20], [0.2f, 0.1f, 0.2f]), 6);
        Assert.Equal(8f / 9, Embeddings.Cosine([1, 2, 2], [2, 1, 2]), 6);
    }

    [Fact]
    public void A_zero_vector_is_dissimilar_to_everything_rather_than_NaN()
    {
        Assert.Equal(0f, Embeddings.Cosine([0, 0, 0], [1, 2, 3]));
        Assert.Equal([0f, 0f], Embeddings.Normalize([0, 0]));
    }

    [Fact]
    public void Vectors_of_different_lengths_cannot_be_compared()
    {
        Assert.Throws<ArgumentException>(() => Embeddings.Cosine([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void Normalize_gives_unit_length()
    {
        var v = Embeddings.Normalize([3, 4]);
        Assert.Equal(0.6f, v[0], 6);
        Assert.Equal(0.8f, v[1], 6);
    }

    [Fact]
    public void The_match_policy_applies_its_threshold_inclusively()
    {
        // Identical vectors score exactly 1: a threshold of 1 must still accept them.
        var strict = new FaceMatchPolicy(new FaceMatchOptions { Threshold = 1f });
        Assert.True(strict.Compare([3, 4], [3, 4]).IsMatch);

        var policy = new FaceMatchPolicy(new FaceMatchOptions { Threshold = 0.4f });
        var match = policy.Compare([1, 0], [0.5f, 0.866f]);  // cosine 0.5
        var noMatch = policy.Compare([1, 0], [0.3f, 0.954f]); // cosine 0.3
        Assert.True(match.IsMatch);
        Assert.Equal(0.5f, match.Score, 3);
        Assert.False(noMatch.IsMatch);
        Assert.Equal(0.4f, noMatch.Threshold);
    }
}
