namespace EKyc.Biometrics.Analysis;

/// <summary>
/// Head orientation in degrees. Conventions of this library (not of the model, whose signs are converted):
/// <see cref="Yaw"/> &gt; 0 when the person turns to their own left (nose towards the right of a non-mirrored
/// image); <see cref="Pitch"/> &gt; 0 when they look up; <see cref="Roll"/> &gt; 0 when the head tilts clockwise in
/// the image.
/// </summary>
public readonly record struct HeadPose(float Yaw, float Pitch, float Roll);
