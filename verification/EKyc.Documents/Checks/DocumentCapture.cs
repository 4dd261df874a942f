using OpenCvSharp;

namespace EKyc.Documents.Checks;

/// <summary>One document submission: the decoded sides (not owned) and what the document must agree with.</summary>
public sealed record DocumentCapture(Mat Front, Mat? Back, DocumentKind Kind, string RegisteredGivenNames, string RegisteredSurname, DateOnly? RegisteredBirthDate = null);
