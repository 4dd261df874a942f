namespace EKyc.Biometrics.Detection;

/// <summary>
/// Greedy non-maximum suppression by score and IoU. The faceplugin JavaScript's <c>cpuNMS()</c> visits boxes in
/// order of their bottom edge (not their score) and divides the overlap by the other box's area, so a small box
/// inside a large one is always dropped and which duplicate survives depends on geometry; the standard form below
/// keeps the most confident box of each cluster.
/// </summary>
public static class Nms
{
    /// <returns>Indices of the kept boxes, most confident first.</returns>
    public static IReadOnlyList<int> Suppress(IReadOnlyList<FaceBox> boxes, IReadOnlyList<float> scores, float iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(scores);
        if (boxes.Count != scores.Count) throw new ArgumentException("one score per box", nameof(scores));

        // Stable ordering: equal scores keep input order, so results are deterministic.
        var order = Enumerable.Range(0, boxes.Count)
            .Where(i => boxes[i].Width > 0 && boxes[i].Height > 0)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .ToList();
        var kept = new List<int>();
        var suppressed = new bool[boxes.Count];
        foreach (var i in order)
        {
            if (suppressed[i]) continue;
            kept.Add(i);
            foreach (var j in order)
            {
                if (j != i && !suppressed[j] && boxes[i].IoU(boxes[j]) > iouThreshold) suppressed[j] = true;
            }
        }
        return kept;
    }
}
