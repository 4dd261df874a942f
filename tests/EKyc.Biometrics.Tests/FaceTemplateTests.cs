using EKyc.Biometrics.Recognition;

namespace EKyc.Biometrics.Tests;

public class FaceTemplateTests
{
    [Fact]
    public void A_template_round_trips_exactly()
    {
        float[] embedding = [0.25f, -0.5f, 1e-7f, 0.8660254f, -1f];
        var bytes = FaceTemplate.ToBytes(embedding);
        Assert.Equal(4 + embedding.Length * 4, bytes.Length);
        Assert.Equal("FT01"u8.ToArray(), bytes.AsSpan(0, 4).ToArray());
        Assert.Equal(embedding, FaceTemplate.TryRead(bytes));
    }

    [Fact]
    public void Bytes_that_are_not_a_template_read_as_null()
    {
        var good = FaceTemplate.ToBytes([0.1f, 0.2f]);
        Assert.Null(FaceTemplate.TryRead([]));
        Assert.Null(FaceTemplate.TryRead("FT01"u8));
        Assert.Null(FaceTemplate.TryRead(good.AsSpan(0, good.Length - 1)));
        var otherTag = (byte[])good.Clone();
        otherTag[3] = (byte)'2';
        Assert.Null(FaceTemplate.TryRead(otherTag));
        Assert.Null(FaceTemplate.TryRead(FaceTemplate.ToBytes([float.NaN, 0.2f])));
    }
}
