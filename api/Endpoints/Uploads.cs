using EKyc.Api.Http;
using Microsoft.AspNetCore.Http;

namespace EKyc.Api.Endpoints;

/// <summary>Reads multipart uploads with one set of limits and one set of refusals.</summary>
internal static class Uploads
{
    /// <summary>The form, or a problem: not multipart (415), malformed (400).</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, Problems.Result(415, "multipart_required", "Send the images as multipart/form-data."));
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException e)
        {
            return (null, Problems.Result(400, "malformed_multipart", $"The multipart body could not be read: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Result(413, ErrorCodes.PayloadTooLarge, "The upload is larger than the service accepts."));
        }
    }

    /// <summary>The bytes of one file part; a missing required part (400) or an oversized one (413) is a problem.</summary>
    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadFileAsync(IFormCollection form, string name, bool required, long maxBytes, CancellationToken ct)
    {
        var file = form.Files.GetFile(name);
        if (file is null || file.Length == 0)
            return required ? (null, Problems.Result(400, $"{name}_image_required", $"The '{name}' image part is required.")) : (null, null);
        if (file.Length > maxBytes)
            return (null, Problems.Result(413, "image_too_large", $"The '{name}' image is {file.Length / 1024 / 1024.0:0.0} MB; the limit is {maxBytes / 1024 / 1024} MB."));
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }
}
