using EKyc.Documents.Checks;
using EKyc.Documents.Intake;
using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;
using EKyc.Documents.Viz;
using EKyc.GrainInterfaces.Applicants;
using EKyc.Grains;
using EKyc.Grains.Ports;
using EKyc.Silo.Biometrics;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Documents;

/// <summary>
/// The document checks as the grains see them: decodes the upload safely, runs the verifier off the grain scheduler
/// (OCR is CPU-bound for hundreds of milliseconds) under a per-silo concurrency bound, and hands back results plus
/// the evidence to keep (both sides, the portrait crop). The visual zone is read with PP-OCRv4 whichever engine reads
/// the MRZ: Tesseract has no text detector here.
/// </summary>
internal sealed partial class DocumentCheckService : IDocumentChecks, IDisposable
{
    private readonly DocumentsOptions _options;
    private readonly ImageIntake _intake;
    private readonly Lazy<DocumentVerifier> _verifier;
    private readonly Lazy<ILineRecognizer> _ocr;
    private readonly Lazy<(PaddleTextDetector Detector, PaddleRecognizer Recognizer, bool OwnsRecognizer)> _viz;
    private readonly SemaphoreSlim _slots;
    private readonly DomainClock _clock;
    private readonly ILogger<DocumentCheckService> _logger;

    public DocumentCheckService(IOptions<DocumentsOptions> options, IOptions<ModelsOptions> models, FaceEngine faces, DomainClock clock, ILogger<DocumentCheckService> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _intake = new ImageIntake(_options.Intake);
        _slots = new SemaphoreSlim(_options.MaxConcurrent);
        _ocr = new Lazy<ILineRecognizer>(() => _options.OcrEngine == "tesseract"
            ? new TesseractRecognizer()
            : new PaddleRecognizer(models.Value.Resolve(), _options.OcrThreads));
        _viz = new Lazy<(PaddleTextDetector, PaddleRecognizer, bool)>(() =>
        {
            var detector = new PaddleTextDetector(models.Value.Resolve(), intraOpThreads: _options.OcrThreads);
            return _ocr.Value is PaddleRecognizer shared
                ? (detector, shared, false)
                : (detector, new PaddleRecognizer(models.Value.Resolve(), _options.OcrThreads), true);
        });
        _verifier = new Lazy<DocumentVerifier>(() => new DocumentVerifier(new MrzReader(_ocr.Value), _options.Checks, new FacePortraitLocator(faces),
            new VisualZoneReader(_viz.Value.Detector, _viz.Value.Recognizer)));
    }

    public async Task<DocumentCheckOutcome> VerifyAsync(DocumentSubmission submission, string registeredGivenNames, string registeredSurname, DateOnly? registeredBirthDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!TryKind(submission.DocumentType, out var kind))
            return DocumentCheckOutcome.Refused("invalid_document_type", "documentType must be one of: passport, id_card, residence_permit, visa, driving_licence.");

        await _slots.WaitAsync(cancellationToken);
        try
        {
            // Off the grain's scheduler: the work is synchronous native code.
            return await Task.Run(() => Verify(submission, kind, registeredGivenNames, registeredSurname, registeredBirthDate), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private DocumentCheckOutcome Verify(DocumentSubmission submission, DocumentKind kind, string given, string surname, DateOnly? birthDate)
    {
        using var front = _intake.Decode(submission.Front);
        if (front.Error is { } frontError) return Refused("front", frontError);
        using var back = submission.Back is { Length: > 0 } backBytes ? _intake.Decode(backBytes) : null;
        if (back?.Error is { } backError) return Refused("back", backError);

        var now = _clock.GetUtcNow();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var verification = _verifier.Value.Verify(new DocumentCapture(front.Image!, back?.Image, kind, given, surname, birthDate), DateOnly.FromDateTime(now.UtcDateTime), now);
        var failed = verification.Results.Count(r => r.Outcome != EKyc.Verification.Checks.CheckOutcome.Pass);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogVerified(_logger, kind.ToString(), failed, elapsed);
        EKyc.Grains.ServiceMetrics.DocumentsChecked.Add(1, new("kind", kind.ToString()), new("outcome", failed == 0 ? "passed" : "not_passed"));
        EKyc.Grains.ServiceMetrics.CheckDuration.Record(elapsed, new KeyValuePair<string, object?>("step", "document"));

        var evidence = new List<EvidenceContent> { new("document_front", front.Format.MediaType(), submission.Front) };
        if (submission.Back is { Length: > 0 } b) evidence.Add(new("document_back", back!.Format.MediaType(), b));
        if (verification.PortraitJpeg is { } portrait) evidence.Add(new("document_portrait", "image/jpeg", portrait));
        return new DocumentCheckOutcome(verification.Results, evidence);
    }

    private static DocumentCheckOutcome Refused(string side, IntakeError error) =>
        DocumentCheckOutcome.Refused(error.Code, $"The {side} image: {error.Message}", error.Code == IntakeError.TooLarge);


    internal static bool TryKind(string? value, out DocumentKind kind)
    {
        (var ok, kind) = value switch
        {
            "passport" => (true, DocumentKind.Passport),
            "id_card" => (true, DocumentKind.IdCard),
            "residence_permit" => (true, DocumentKind.ResidencePermit),
            "visa" => (true, DocumentKind.Visa),
            "driving_licence" => (true, DocumentKind.DrivingLicence),
            _ => (false, DocumentKind.Passport),
        };
        return ok;
    }

    public void Dispose()
    {
        if (_viz.IsValueCreated)
        {
            _viz.Value.Detector.Dispose();
            if (_viz.Value.OwnsRecognizer) _viz.Value.Recognizer.Dispose();
        }
        if (_ocr.IsValueCreated) _ocr.Value.Dispose();
        _slots.Dispose();
    }

    // Kind and counts only: never a name, number or date from the document.
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Document checked: kind {Kind}, {Failed} check(s) not passed, {ElapsedMs:0} ms")]
    private static partial void LogVerified(ILogger logger, string kind, int failed, double elapsedMs);
}
