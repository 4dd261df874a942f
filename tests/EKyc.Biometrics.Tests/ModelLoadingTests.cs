using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Models;

namespace EKyc.Biometrics.Tests;

public class ModelLoadingTests
{
    [Fact]
    public void Missing_models_are_named_with_the_command_that_fetches_them()
    {
        var empty = Directory.CreateTempSubdirectory("ekyc-no-models-");
        try
        {
            File.WriteAllBytes(Path.Combine(empty.FullName, FaceModels.EyeFile), [0]);
            var e = Assert.Throws<FaceModelsMissingException>(() => new FaceModels(new FaceModelsOptions { ModelsDirectory = empty.FullName }));
            Assert.Contains("fr_detect.onnx", e.Message, StringComparison.Ordinal);
            Assert.Contains("fr_pose.onnx", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("fr_eye.onnx", e.Message, StringComparison.Ordinal);
            Assert.Contains("deploy/models/fetch.sh", e.Message, StringComparison.Ordinal);
            Assert.Equal(5, e.MissingFiles.Count);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bytes_that_are_not_an_image_are_rejected_clearly()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageDecoding.Decode("not a jpeg"u8.ToArray()));
        Assert.Contains("not a decodable image", e.Message, StringComparison.Ordinal);
    }
}
