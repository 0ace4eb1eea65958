using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Certificates;
using Registry.Signing.Claims;
using Registry.Signing.Payloads;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// QR codes signed with a key from the site's own key store (not an in-memory stand-in), so that the site's verdicts
/// depend on keys it reads from PostgreSQL, as in production.
/// </summary>
public static class SiteSignedCodes
{
    /// <summary>Creates an active key for the body through the site's store and signs the certificate's claims with it.</summary>
    public static async Task<(string Link, string Kid)> SignAsync(RegistryWebFactory site, Certificate certificate, CertificationBody body, string creditCode)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(body);
        var store = site.Services.GetRequiredService<SigningKeyStore>();
        var created = await store.CreateAsync(body.Code, "test", CancellationToken.None);
        using var active = (await store.ActiveForAsync(body.Id, CancellationToken.None))!;
        var issuedOn = certificate.IssuedOn;
        // Signed today: the new key's window starts today.
        var claims = new QrClaims(QrClaims.CurrentVersion, certificate.NormalizedNumber, creditCode, "four-star",
            issuedOn, ValidityPeriod.DefaultExpiry(issuedOn), Medium.Certificate, 0, Registry.Domain.Time.RegistryCalendar.Today(TimeProvider.System));
        var envelope = new PayloadSigner(active.PrivateKey).Sign(claims);
        return (VerifyUrl.Build(VerificationOptions.LocalDefault, envelope), created.Kid);
    }
}
