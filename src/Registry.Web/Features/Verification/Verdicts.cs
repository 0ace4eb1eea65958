using Registry.Signing.Payloads;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.Verification;

/// <summary>Builds each kind of <see cref="Verdict"/>, so that every kind carries the same facts the same way.</summary>
internal static class Verdicts
{
    public static Verdict NotGenuine(NotGenuineReason reason, string message, DateTimeOffset asOf) =>
        new(VerdictKind.NotGenuine, asOf, null, null, null, null, reason.Code(), message, [], null, null, null);

    public static Verdict NotFound(Genuine genuine, string reason, DateTimeOffset asOf) =>
        new(VerdictKind.NotFound, asOf, genuine.Claims, null, null, null, null, null, [], genuine.Claims.CertificateNumber, null, null)
        {
            SignedBy = genuine.Key.Issuer,
            KeyId = genuine.Key.Id.ToString(),
            NotFoundReason = reason,
        };

    /// <summary>
    /// A genuine code of a certificate the registry holds. Not valid wins over changed (the status is what a
    /// consumer must not miss), and the differences are listed either way.
    /// </summary>
    public static Verdict FromRegistry(Genuine genuine, CertificateRecord record, CertificateState state,
        (DateOnly? Since, string? Reason) since, IReadOnlyList<ClaimDifference> differences, DateTimeOffset asOf)
    {
        var kind = state.Status != CertificateStatus.Valid ? VerdictKind.GenuineNotValid
            : differences.Count > 0 ? VerdictKind.GenuineChanged
            : VerdictKind.GenuineValid;
        var organisation = record.Organisation;
        return new Verdict(kind, asOf, genuine.Claims, state.Status, since.Since, since.Reason, null, null, differences,
            record.Certificate.Number, organisation.LegalNameZh, organisation.NameEn)
        {
            NormalizedNumber = record.Certificate.NormalizedNumber,
            Level = state.Level,
            IssuedOn = record.Certificate.IssuedOn,
            ExpiresOn = state.ExpiresOn,
            CreditCode = organisation.CreditCode,
            BodyNameZh = record.Body.NameZh,
            BodyNameEn = record.Body.NameEn,
            SignedBy = genuine.Key.Issuer,
            KeyId = genuine.Key.Id.ToString(),
        };
    }
}
