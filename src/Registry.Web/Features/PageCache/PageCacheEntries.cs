using Microsoft.Extensions.Options;
using Registry.Domain.Identifiers;
using Registry.Signing.Payloads;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// What a cache key needs from memory, in one place: the change marks the certificate cache keeps in step with the
/// outbox, the signing-key set's fingerprint, and how long an entry may live. Nothing here reads PostgreSQL or Redis.
/// </summary>
public sealed class PageCacheEntries(
    CertificateRecordCache certificates,
    SigningKeyStore signingKeys,
    PageCacheMetrics metrics,
    IOptions<PageCacheOptions> options,
    IOptions<VerificationOptions> verification,
    TimeProvider clock)
{
    public PageCacheMetrics Metrics { get; } = metrics;

    /// <summary>
    /// Adds the marks the family's key needs to <paramref name="vary"/>, or says the answer must not be cached now
    /// (a mark cannot be trusted, or the request names nothing worth keeping).
    /// </summary>
    /// <param name="certificate">The certificate the answer is about, for its tag; null when it is about many.</param>
    public bool TryVary(PageCacheFamily family, HttpContext http, IDictionary<string, string> vary, out string? certificate)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(vary);
        certificate = null;
        long? mark = null;
        switch (family.StaleWhen)
        {
            case StaleWhen.AnyChange:
            case StaleWhen.AnyChangeOrKeys:
                mark = certificates.InStep ? certificates.AppliedSequence : null;
                break;
            case StaleWhen.CertificateChanges:
                certificate = CertificateOfPage(http);
                mark = certificate is null ? (certificates.InStep ? certificates.AppliedSequence : null) : certificates.ChangeMarkOf(certificate);
                break;
            case StaleWhen.CertificateOrKeysChange:
                // A code that does not even name a certificate (garbage, a truncated scan) is judged afresh every time:
                // keeping such answers would let anyone fill the cache with them.
                certificate = CertificateOfScan(http);
                mark = certificate is null ? null : certificates.ChangeMarkOf(certificate);
                break;
            case StaleWhen.KeysChange:
                break;
        }

        if (family.BearsStatus)
        {
            if (mark is not { } position)
            {
                return false;
            }

            vary[StatusEntryPolicy.MarkKey] = position.ToString(CultureInfo.InvariantCulture);
        }

        if (family.StaleWhen is StaleWhen.KeysChange or StaleWhen.AnyChangeOrKeys or StaleWhen.CertificateOrKeysChange)
        {
            if (!signingKeys.TryFreshFingerprint(out var fingerprint))
            {
                return false;
            }

            vary[StatusEntryPolicy.KeysKey] = fingerprint;
        }

        return true;
    }

    /// <summary>
    /// The configured lifetime, and for an answer that shows a status never past the next midnight in China: a
    /// certificate expires, and a change published ahead takes effect, by date alone, with no outbox message.
    /// </summary>
    public TimeSpan LifetimeOf(PageCacheFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var lifetime = options.Value.StatusLifetime;
        if (!family.BearsStatus)
        {
            return lifetime;
        }

        var now = clock.GetUtcNow();
        var untilMidnight = RegistryCalendar.EndOf(RegistryCalendar.DateOf(now)) - now;
        return untilMidnight < lifetime ? untilMidnight + TimeSpan.FromTicks(1) : lifetime;
    }

    private static string? CertificateOfPage(HttpContext http) =>
        http.GetRouteValue("number") is string typed && CertificateNumber.TryNormalize(typed, out var normalized, out _) ? normalized : null;

    private string? CertificateOfScan(HttpContext http)
    {
        var host = verification.Value.PublicHost;
        var scanned = http.GetRouteValue("rest") is string rest
            ? ScannedLink.Rebuild(host, rest, http.Request.Query, http.Request.QueryString)
            : http.Request.Query["payload"].ToString();
        if (scanned.Length == 0 || scanned.Length > PayloadLimits.MaxScannedTextLength
            || !VerifyUrl.TryParse(scanned, host, out var payload, out _)
            || !PayloadText.TryDecode(payload, out var envelope, out _)
            || !PayloadVerifier.TryPeekCertificateNumber(envelope, out var number))
        {
            return null;
        }

        return number;
    }
}
