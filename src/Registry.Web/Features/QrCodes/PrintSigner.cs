using Microsoft.Extensions.Options;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// Decides whether codes may be signed for a certificate today and starts a <see cref="PrintJob"/>. The
/// claims come from the registry as it stands now (current level and expiry), signed today.
/// </summary>
public sealed class PrintSigner(ISigningKeys signingKeys, TimeProvider clock, IOptions<VerificationOptions> options)
{
    public async Task<(PrintJob? Job, PrintRefusal? Refusal)> StartAsync(CertificateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var certificate = record.Certificate;
        var today = RegistryCalendar.Today(clock);
        var state = certificate.CurrentState(clock);

        // A fresh code for a suspended or withdrawn certificate would still verify as NOT VALID, but handing
        // one out would look like the registry vouching for it.
        if (state.Status != CertificateStatus.Valid)
        {
            return (null, PrintRefusal.NotValid(certificate.Number, state.Status.ToString()));
        }

        if (state.Level is null || !LevelCodes.TryGetStars(state.Level, out _))
        {
            return (null, PrintRefusal.LevelNotInFormat(certificate.Number, state.Level));
        }

        var key = await signingKeys.ActiveForAsync(record.Body.Id, cancellationToken);
        if (key is null)
        {
            return (null, PrintRefusal.NoActiveKey(record.Body.Code, "none is active"));
        }

        var published = await signingKeys.AllAsync(cancellationToken);
        var info = published.Find(key.Id);
        var why = !string.Equals(key.BodyCode, record.Body.Code, StringComparison.Ordinal) ? $"the active key belongs to {key.BodyCode}"
            : info is null ? $"key {key.Id} is not published"
            : !info.CoversSigningDay(today) ? $"key {key.Id} may not sign on {RegistryComparison.Day(today)}"
            : null;
        if (why is not null)
        {
            key.Dispose();
            return (null, PrintRefusal.NoActiveKey(record.Body.Code, why));
        }

        var template = new QrClaims(QrClaims.CurrentVersion, certificate.NormalizedNumber, record.Organisation.CreditCode, state.Level,
            certificate.IssuedOn, state.ExpiresOn!.Value, Medium.Certificate, 0, today);
        try
        {
            return (new PrintJob(key, published, template, options.Value.PublicHost), null);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
