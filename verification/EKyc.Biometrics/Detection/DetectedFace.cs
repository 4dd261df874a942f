namespace EKyc.Biometrics.Detection;

/// <summary>A face found by the detector: the squared box the later models expect, and its face probability.</summary>
public sealed record DetectedFace(FaceBox Box, float Score);
