using OpenCvSharp;

namespace EKyc.Documents.Viz;

/// <summary>One printed text line of the visual zone: what was read, the recogniser's confidence, and where it is.</summary>
public sealed record VizLine(string Text, double Confidence, Rect Bounds);
