using Registry.Signing.Payloads;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>
/// Answers like the real verifier for the shapes the upload endpoints care about, without keys or a
/// database: links to https://STAR.TEST/V/… are genuine and valid, other links BAD_URL, bare text MALFORMED.
/// </summary>
internal sealed class FakeVerifier : IVerifier
{
    public const string Prefix = "HTTPS://STAR.TEST/V/";

    public Task<Verdict> VerifyAsync(string? scanned, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (scanned is not null && scanned.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(new Verdict(VerdictKind.GenuineValid, now, null, null, null, null, null, null, [], "TEST-" + scanned[Prefix.Length..], null, null));
        }

        var reason = scanned?.Contains("://", StringComparison.Ordinal) == true ? NotGenuineReason.BadUrl : NotGenuineReason.Malformed;
        return Task.FromResult(new Verdict(VerdictKind.NotGenuine, now, null, null, null, null, reason.Code(), "fake", [], null, null, null));
    }
}
