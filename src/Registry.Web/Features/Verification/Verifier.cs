using Microsoft.Extensions.Options;
using Registry.Signing.Payloads;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.Verification;

/// <summary>
/// Scan → verdict. The signature says who signed what; the registry says whether it holds now: PostgreSQL,
/// or in the site the certificate cache that the outbox keeps in step within milliseconds of each commit
/// (and that steps aside whenever it cannot confirm it is in step). Never throws on input.
/// </summary>
public sealed class Verifier(
    ISigningKeys signingKeys,
    ICertificateRecords certificates,
    TimeProvider clock,
    IOptions<VerificationOptions> options) : IVerifier
{
    public async Task<Verdict> VerifyAsync(string? scanned, CancellationToken cancellationToken)
    {
        // The text and its base32 are checked before the keys are even loaded: an oversized or garbled scan
        // costs no database round trip and no cryptography. Same steps as PayloadVerifier.VerifyScanned.
        if (!VerifyUrl.TryParse(scanned, options.Value.PublicHost, out var payload, out var rejection)
            || !PayloadText.TryDecode(payload, out var envelope, out rejection))
        {
            return Verdicts.NotGenuine(rejection.Reason, rejection.Message, clock.GetUtcNow());
        }

        var keys = await signingKeys.AllAsync(cancellationToken);
        var result = new PayloadVerifier(keys.Find).Verify(envelope);
        if (result is NotGenuine notGenuine)
        {
            return Verdicts.NotGenuine(notGenuine.Reason, notGenuine.Message, clock.GetUtcNow());
        }

        var genuine = (Genuine)result;

        var record = await certificates.FindAsync(genuine.Claims.CertificateNumber, cancellationToken);
        var now = clock.GetUtcNow();
        if (record is null)
        {
            return Verdicts.NotFound(genuine, NotFoundReasons.NeverIssued, now);
        }

        // Only the registry knows which body issued a number; another body's key makes the code a forgery.
        if (genuine.ForIssuer(record.Body.Code) is NotGenuine wrongIssuer)
        {
            return Verdicts.NotGenuine(wrongIssuer.Reason, wrongIssuer.Message, now);
        }

        var events = record.Certificate.Events;
        var today = RegistryCalendar.DateOf(now);
        var state = StatusHistory.Fold(events, today, now);
        if (state.Status == CertificateStatus.NotIssued)
        {
            return Verdicts.NotFound(genuine, NotFoundReasons.NotYetInEffect, now);
        }

        var differences = RegistryComparison.Differences(genuine.Claims, record.Organisation.CreditCode, record.Certificate.IssuedOn, state, events);
        var verdict = Verdicts.FromRegistry(genuine, record, state, StatusSince.Of(state, events, today, now), differences, now);

        // Read from memory while the database is unreachable: true as of the cache's last confirmation, and said so.
        return record.ConfirmedAt is { } confirmedAt ? verdict with { AsOf = confirmedAt, StatusAge = now - confirmedAt } : verdict;
    }
}
