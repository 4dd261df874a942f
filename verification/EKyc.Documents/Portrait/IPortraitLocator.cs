using OpenCvSharp;

namespace EKyc.Documents.Portrait;

/// <summary>
/// Finds the holder's photo on a document image and returns its crop (owned by the caller), or null. Implemented by
/// the face pipeline, which the document library does not depend on.
/// </summary>
public interface IPortraitLocator
{
    Mat? Locate(Mat document);
}
