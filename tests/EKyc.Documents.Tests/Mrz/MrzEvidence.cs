using EKyc.Documents.Ocr;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>Recogniser evidence and misreadings for MRZ lines, shared by the tests of the steps that weigh evidence.</summary>
internal static class MrzEvidence
{
    /// <summary>Every character read confidently (runner-up the filler, barely), except the one at (<paramref name="line"/>, <paramref name="index"/>), doubted against <paramref name="runnerUp"/>.</summary>
    public static List<IReadOnlyList<RecognizedChar>?> Doubted(IReadOnlyList<string> lines, int line, int index, char runnerUp, double probability) =>
        lines.Select((l, k) => (IReadOnlyList<RecognizedChar>?)l.Select((c, i) => k == line && i == index
            ? new RecognizedChar(c, 1 - probability, runnerUp, probability)
            : new RecognizedChar(c, 0.99, '<', 0.001)).ToList()).ToList();

    /// <summary>The lines with the character at (<paramref name="line"/>, <paramref name="index"/>) read as <paramref name="read"/>.</summary>
    public static List<string> Misread(IReadOnlyList<string> lines, int line, int index, char read) =>
        lines.Select((l, k) => k == line ? l[..index] + read + l[(index + 1)..] : l).ToList();
}
