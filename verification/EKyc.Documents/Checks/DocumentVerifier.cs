using System.Collections.Immutable;
using System.Globalization;
using EKyc.Documents.Mrz;
using EKyc.Documents.Names;
using EKyc.Documents.Portrait;
using EKyc.Documents.Quality;
using EKyc.Documents.Viz;
using EKyc.Verification.Checks;
using OpenCvSharp;

namespace EKyc.Documents.Checks;

/// <summary>
/// Runs the document checks on one submission and returns a result per check: capture quality, MRZ (read, repaired,
/// check digits), document data (expiry, age, issuer), document type, name against the registration, and the
/// portrait, and — given a visual-zone reader — the printed fields against the MRZ. The MRZ is looked for on the
/// flattened front, then the back, then the raw photos; quality problems only block when the MRZ could not be read,
/// because then they are the applicant's fix.
/// </summary>
public sealed class DocumentVerifier(MrzReader reader, DocumentVerifierOptions options, IPortraitLocator? portraits = null, VisualZoneReader? visualZone = null)
{
    public const string QualityCheck = "document_quality";
    public const string MrzCheck = "mrz";
    public const string DataCheck = "document_data";
    public const string NameCheck = "document_name";
    public const string PortraitCheck = "document_portrait";
    public const string VizCheck = "document_viz";
    private const string Version = "1";

    public DocumentVerification Verify(DocumentCapture capture, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var quality = new CaptureQuality(options.Quality);
        using var front = quality.Assess(capture.Front);
        using var back = capture.Back is null ? null : quality.Assess(capture.Back);
        var (reading, fromBack, mrzImage) = ReadMrz(capture, front, back, today);
        var measurements = Measurements(front, back);
        var results = new List<CheckResult>();
        var step = VerificationStep.Document;

        var mrzSide = fromBack ? back! : front;
        var problems = (reading.Document is { ChecksValid: true } ? mrzSide.Problems : front.Problems.Concat(back?.Problems ?? []))
            .DistinctBy(p => p.Code).ToList();
        if (reading.Document is not { ChecksValid: true })
        {
            results.Add(problems.Count == 0
                ? CheckResult.Passed(QualityCheck, Version, step, now)
                : CheckResult.Failed(QualityCheck, Version, step, now, [.. problems]));
        }
        else
        {
            // The MRZ verified, so the photo was good enough: its imperfections are recorded, not held against anyone.
            results.Add(CheckResult.Passed(QualityCheck, Version, step, now) with
            {
                Reasons = [.. problems.Select(p => p with { Category = ReasonCategory.Notice, ApplicantGuidance = null })],
            });
        }

        results.Add(MrzResult(capture, reading, problems.Count > 0, now));
        if (reading.Document is { ChecksValid: true } doc)
        {
            results.Add(DataResult(doc, capture.Kind, today, now));
            results.Add(NameResult(doc, capture, now));
            if (visualZone is not null)
            {
                var otherSide = fromBack ? front.Document : back?.Document;
                results.Add(VizResult(visualZone, doc, mrzImage, reading, otherSide, today, now));
            }
        }

        byte[]? portrait = null;
        if (portraits is not null)
        {
            using var crop = portraits.Locate(front.Document) ?? portraits.Locate(capture.Front);
            portrait = crop is null ? null : crop.ToBytes(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 92));
            results.Add(portrait is not null || !options.RequirePortrait
                ? CheckResult.Passed(PortraitCheck, Version, step, now)
                : CheckResult.Failed(PortraitCheck, Version, step, now, DocumentReasons.PortraitNotFound));
        }
        return new DocumentVerification(results, reading.Document, portrait, measurements);
    }

    private (MrzReading Reading, bool FromBack, Mat Image) ReadMrz(DocumentCapture capture, QualityReport front, QualityReport? back, DateOnly today)
    {
        var attempts = new List<(Mat Image, bool Back)> { (front.Document, false) };
        if (back is not null) attempts.Add((back.Document, true));
        if (front.EdgesFound) attempts.Add((capture.Front, false));
        if (back is { EdgesFound: true } && capture.Back is not null) attempts.Add((capture.Back, true));
        (MrzReading Reading, bool Back, Mat Image)? best = null;
        foreach (var (image, isBack) in attempts)
        {
            var reading = reader.Read(image, today);
            if (reading.Document is { ChecksValid: true }) return (reading, isBack, image);
            if (best is null || Score(reading) > Score(best.Value.Reading)) best = (reading, isBack, image);
        }
        return best!.Value;
    }

    private static int Score(MrzReading r) => r.Document is null ? (r.Located ? 0 : -1) : 1 + r.Document.CheckDigits.Count(c => c.Value);

    private CheckResult MrzResult(DocumentCapture capture, MrzReading reading, bool qualityProblems, DateTimeOffset now)
    {
        var step = VerificationStep.Document;
        if (reading.Document is not { } doc)
        {
            if (capture.Kind == DocumentKind.DrivingLicence)
                return CheckResult.Undecided(MrzCheck, Version, step, now, DocumentReasons.NotMachineReadable) with { ModelVersion = reader.Engine };
            if (capture.Kind is DocumentKind.IdCard or DocumentKind.ResidencePermit && capture.Back is null)
                return CheckResult.Failed(MrzCheck, Version, step, now, DocumentReasons.BackSideNeeded) with { ModelVersion = reader.Engine };
            var reason = reading.Located ? QualityReasons.MrzUnreadable : QualityReasons.MrzNotFound;
            return CheckResult.Failed(MrzCheck, Version, step, now, reason) with { ModelVersion = reader.Engine };
        }
        if (!doc.ChecksValid)
        {
            var reason = doc.Issues.Any(i => i.Code == MrzIssueCodes.InvalidCharacters) ? DocumentReasons.MrzInvalidCharacters : DocumentReasons.MrzCheckDigits;
            // With a poor photo the blame is on the capture; with a good one it is worth a second try before a person.
            return CheckResult.Failed(MrzCheck, Version, step, now, qualityProblems ? QualityReasons.MrzUnreadable : reason) with
            {
                ModelVersion = reader.Engine,
                Facts = ImmutableDictionary<string, string>.Empty.Add("failed_check_digits",
                    string.Join(',', doc.CheckDigits.Where(c => !c.Value).Select(c => c.Key))),
            };
        }
        var repaired = doc.Issues.Any(i => i.Code == MrzIssueCodes.Repaired);
        return CheckResult.Passed(MrzCheck, Version, step, now) with
        {
            ModelVersion = reader.Engine,
            Score = reading.Confidence,
            Reasons = repaired ? [DocumentReasons.Repaired] : [],
            Facts = Facts(doc),
        };
    }

    private CheckResult DataResult(MrzDocument doc, DocumentKind kind, DateOnly today, DateTimeOffset now)
    {
        var reasons = new List<ReasonCode>();
        foreach (var issue in MrzValidator.Validate(doc, today, options.Validation).Where(i => i.Severity == MrzSeverity.Error))
        {
            ReasonCode? reason = issue.Code switch
            {
                MrzIssueCodes.DocumentExpired => DocumentReasons.Expired,
                MrzIssueCodes.UnderMinimumAge => DocumentReasons.UnderAge,
                MrzIssueCodes.BirthDateImplausible => DocumentReasons.ImplausibleBirthDate,
                MrzIssueCodes.InvalidDate => DocumentReasons.InvalidDate,
                MrzIssueCodes.UnknownIssuingState or MrzIssueCodes.UnknownNationality => DocumentReasons.UnknownIssuer,
                MrzIssueCodes.InvalidSex => DocumentReasons.InvalidSex,
                _ => null, // check-digit and character problems belong to the MRZ result
            };
            if (reason is not null) reasons.Add(reason);
        }
        if (!KindMatches(kind, doc.DocumentCode)) reasons.Add(DocumentReasons.TypeMismatch);
        var distinct = reasons.DistinctBy(r => r.Code).ToArray();
        return distinct.Length == 0
            ? CheckResult.Passed(DataCheck, Version, VerificationStep.Document, now) with { Facts = Facts(doc) }
            : CheckResult.Failed(DataCheck, Version, VerificationStep.Document, now, distinct) with { Facts = Facts(doc) };
    }

    // ICAO document codes: P passports, V visas, I/A/C identity and residence cards (issuers use all three).
    private static bool KindMatches(DocumentKind kind, string code) => kind switch
    {
        DocumentKind.Passport => code.StartsWith('P'),
        DocumentKind.Visa => code.StartsWith('V'),
        DocumentKind.IdCard or DocumentKind.ResidencePermit => code.Length > 0 && code[0] is 'I' or 'A' or 'C' or 'R',
        _ => true,
    };

    private static CheckResult NameResult(MrzDocument doc, DocumentCapture capture, DateTimeOffset now)
    {
        var namesField = doc.Fields.GetValueOrDefault(MrzLayout.Names) ?? "";
        var truncated = namesField.Length > 0 && namesField[^1] != '<';
        var match = NameMatcher.Compare(capture.RegisteredGivenNames, capture.RegisteredSurname, doc.GivenNames, doc.Surname, truncated);
        var reasons = new List<ReasonCode>();
        if (match == NameMatch.Partial) reasons.Add(DocumentReasons.NamePartial);
        if (match == NameMatch.Different) reasons.Add(DocumentReasons.NameDifferent);
        // The birth date is check-digit protected in the MRZ: a difference from the registration is the data, not OCR.
        if (capture.RegisteredBirthDate is { } registered && doc.BirthDate is { } printed && registered != printed)
            reasons.Add(DocumentReasons.BirthDateDiffers);
        return reasons.Count == 0
            ? CheckResult.Passed(NameCheck, Version, VerificationStep.Document, now)
            : CheckResult.Failed(NameCheck, Version, VerificationStep.Document, now, [.. reasons]);
    }

    // The printed fields against the verified MRZ. Only a confident contradiction fails; fields the OCR did not find
    // are recorded as not compared, and a document whose visual zone yielded nothing passes with a notice.
    private static CheckResult VizResult(VisualZoneReader viz, MrzDocument doc, Mat mrzImage, MrzReading reading, Mat? otherSide, DateOnly today, DateTimeOffset now)
    {
        var lines = viz.ReadAbove(mrzImage, reading.Region, reading.Rotation).ToList();
        if (otherSide is not null) lines.AddRange(viz.Read(otherSide));
        var comparison = VizCrossCheck.Compare(lines, doc, today);
        var facts = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var (field, outcome) in comparison.Fields) facts[VizFacts.Key(field)] = VizFacts.Value(outcome);
        facts[VizFacts.LinesRead] = comparison.LinesRead.ToString(CultureInfo.InvariantCulture);
        var reasons = comparison.Differing.Select(DocumentReasons.VizMismatch).DistinctBy(r => r.Code).ToArray();
        if (reasons.Length > 0)
            return CheckResult.Failed(VizCheck, Version, VerificationStep.Document, now, reasons) with { ModelVersion = viz.Engine, Facts = facts.ToImmutable() };
        return CheckResult.Passed(VizCheck, Version, VerificationStep.Document, now) with
        {
            ModelVersion = viz.Engine,
            Facts = facts.ToImmutable(),
            Reasons = comparison.Compared == 0 ? [DocumentReasons.VizNotCompared] : [],
        };
    }

    private static ImmutableDictionary<string, string> Facts(MrzDocument doc)
    {
        var facts = ImmutableDictionary.CreateBuilder<string, string>();
        facts[CheckFacts.DocumentType] = doc.DocumentCode;
        facts[CheckFacts.IssuingState] = doc.IssuingState;
        facts[CheckFacts.MrzFormat] = doc.Format.ToString();
        facts[CheckFacts.DocumentNumberMasked] = Mask(doc.DocumentNumber);
        if (doc.ExpiryDate is { } expiry) facts[CheckFacts.DocumentExpiry] = expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (doc.BirthDate is { } birth) facts[CheckFacts.BirthDate] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (doc.Nationality is { Length: > 0 } nationality) facts[CheckFacts.Nationality] = nationality;
        return facts.ToImmutable();
    }

    private static string Mask(string number) => number.Length <= 3 ? new string('*', number.Length) : new string('*', number.Length - 3) + number[^3..];

    private static Dictionary<string, double> Measurements(QualityReport front, QualityReport? back)
    {
        var m = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["front_sharpness"] = Math.Round(front.Sharpness, 1),
            ["front_glare"] = Math.Round(front.GlareFraction, 4),
            ["front_luminance"] = Math.Round(front.MeanLuminance, 1),
            ["front_area"] = Math.Round(front.AreaFraction, 3),
            ["front_width"] = front.Document.Width,
        };
        if (back is not null)
        {
            m["back_sharpness"] = Math.Round(back.Sharpness, 1);
            m["back_glare"] = Math.Round(back.GlareFraction, 4);
            m["back_luminance"] = Math.Round(back.MeanLuminance, 1);
        }
        return m;
    }
}
