using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// POST /api/verify/image: the picture in the multipart field "image" (or as the raw body). A decoded code
/// gets 200 and its verdict, a foreign one included (NOT GENUINE, with <c>registryCode: false</c>); a picture
/// that yields no code gets an RFC 9457 problem with a stable <c>code</c>. Never a 500 for any input.
/// </summary>
internal static class QrUploadApi
{
    public static async Task<IResult> HandleAsync(HttpContext context, QrUploadVerification verification,
        IStringLocalizer<SharedResource> text, IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var (file, problem, detail) = await UploadedFile.ReadAsync(context.Request, allowRawBody: true, cancellationToken);
        var outcome = file is null
            ? UploadOutcome.Refused(problem!.Value, detail!)
            : await verification.VerifyAsync(file, cancellationToken);
        if (outcome.Problem is { } refused)
        {
            var format = refused == QrImageProblem.UnsupportedFormat && file is not null ? ImageSniffer.Sniff(file).Name : null;
            return Problem(refused, UploadMessages.For(text, refused, format), outcome.Detail!);
        }

        var verdict = VerdictJson.From(outcome.Verdict!, text, options.Value.PublicHost);
        return Results.Ok(new ImageVerdict(outcome.IsRegistryCode, outcome.Text!, outcome.CodesFound, verdict));
    }

    /// <summary>The detail is the sentence a person reads (in the request's language); "technical" is the decoder's own, in English.</summary>
    private static IResult Problem(QrImageProblem problem, string detail, string technical) => Results.Problem(
        statusCode: problem.HttpStatus(),
        title: problem switch
        {
            QrImageProblem.NoQrFound => "No QR code found",
            QrImageProblem.DecoderUnavailable => "QR decoding unavailable",
            _ => "The picture cannot be read",
        },
        detail: detail,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = problem.Code(), ["technical"] = technical });

    /// <summary>The body of a 200: which code was verified, and its verdict.</summary>
    private sealed record ImageVerdict(bool RegistryCode, string DecodedText, int CodesFound, VerdictJson Verdict);
}
