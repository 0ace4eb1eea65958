using Registry.Signing.Payloads;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// Picture → codes → verdict. Every QR code in the picture is verified (at most four different ones), so that
/// a photo showing a registry code beside a shop's WeChat code still verifies the registry code. Two different
/// registry codes in one picture are refused (<see cref="QrImageProblem.SeveralQrCodes"/>): guessing which one
/// was meant could show one plaque's verdict for another.
/// </summary>
public sealed class QrUploadVerification(QrImageDecoder decoder, IVerifier verifier, ILogger<QrUploadVerification> logger)
{
    private const int MaxCodesVerified = 4;

    public async Task<UploadOutcome> VerifyAsync(ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        var decoded = await decoder.DecodeAsync(file, cancellationToken);
        if (decoded.Problem is { } problem)
        {
            if (problem == QrImageProblem.DecoderUnavailable)
            {
                logger.LogError("QR upload refused: {Detail}", decoded.Detail);
            }

            return UploadOutcome.Refused(problem, decoded.Detail!);
        }

        var verified = new List<(string Text, Verdict Verdict)>();
        foreach (var text in decoded.Texts.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxCodesVerified))
        {
            verified.Add((text, await verifier.VerifyAsync(text, cancellationToken)));
        }

        var ours = verified.Where(v => IsRegistryCode(v.Text, v.Verdict)).ToList();
        if (ours.Count > 1)
        {
            return UploadOutcome.Refused(QrImageProblem.SeveralQrCodes,
                $"The picture shows {ours.Count} different registry codes; crop it to the one to check.");
        }

        var (chosen, verdict) = ours.Count == 1 ? ours[0] : verified[0];
        return new UploadOutcome(null, null, chosen, verdict, ours.Count == 1, verified.Count);
    }

    /// <summary>
    /// Whether a code claims to be the registry's, whatever its verdict. A link must be https://OUR-HOST/V/…
    /// (the verifier says BAD_URL otherwise); once it is, a damaged or forged payload is still shown as our
    /// NOT GENUINE verdict, because it pretends to be ours. Bare text (no "://") claims to be ours only if it
    /// holds a signed envelope at all: a plain word such as "HELLO" is also valid base32 and fails as MALFORMED.
    /// </summary>
    internal static bool IsRegistryCode(string text, Verdict verdict)
    {
        if (verdict.Kind != VerdictKind.NotGenuine)
        {
            return true;
        }

        var code = verdict.NotGenuineCode;
        if (code == NotGenuineReason.BadUrl.Code() || code == NotGenuineReason.TooLarge.Code())
        {
            return false;
        }

        var isLink = text.Contains("://", StringComparison.Ordinal);
        return isLink || (code != NotGenuineReason.BadEncoding.Code() && code != NotGenuineReason.Malformed.Code()
            && code != NotGenuineReason.TrailingData.Code());
    }
}
