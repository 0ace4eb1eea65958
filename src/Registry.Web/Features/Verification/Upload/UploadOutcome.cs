using Registry.Signing.Payloads;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// The answer to one uploaded picture: a refusal (<see cref="Problem"/>), or the code that was verified with
/// its verdict. <see cref="IsRegistryCode"/> is false for a QR code that is somebody else's (another site's
/// link, plain text): its verdict is then NOT GENUINE, and the page says "not a Star Registry code".
/// </summary>
public sealed record UploadOutcome(QrImageProblem? Problem, string? Detail, string? Text, Verdict? Verdict, bool IsRegistryCode, int CodesFound)
{
    public static UploadOutcome Refused(QrImageProblem problem, string detail) => new(problem, detail, null, null, false, 0);

    /// <summary>The base32 payload of a registry code, for its /v/ page; null for anything else.</summary>
    public string? Payload =>
        IsRegistryCode && VerifyUrl.TryParse(Text, expectedHost: null, out var payload, out _) ? payload : null;
}
