namespace EKyc.Biometrics.Analysis;

/// <summary>
/// Probability that each eye is open. "First" is the eye on the image's left. Probabilities, not booleans, so a
/// blink detector can use hysteresis and a quality gate its own threshold.
/// </summary>
public readonly record struct EyeState(float FirstOpenProbability, float SecondOpenProbability)
{
    public bool BothOpen(float threshold) => FirstOpenProbability >= threshold && SecondOpenProbability >= threshold;

    public bool BothClosed(float threshold) => FirstOpenProbability < threshold && SecondOpenProbability < threshold;
}
