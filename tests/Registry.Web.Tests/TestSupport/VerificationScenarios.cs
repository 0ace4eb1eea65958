using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Certificates;
using Registry.Signing.Claims;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;
using Registry.Web.Data;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.TestSupport;

/// <summary>A certificate in the test registry, with the organisation that holds it and an active key of its body.</summary>
public sealed record IssuedCertificate(Certificate Certificate, CertificationBody Body, Organisation Organisation, KeyId Key);

/// <summary>Certificates, their signed codes, and the changes that make each verdict.</summary>
public sealed class VerificationScenarios(RegistryDatabase database, InMemorySigningKeys keys)
{
    /// <summary>The host the site prints and expects when Verification:PublicHost is not set.</summary>
    public const string Host = VerificationOptions.LocalDefault;

    private readonly TestRegistry _registry = new(database);

    public InMemorySigningKeys Keys => keys;

    public TestRegistry Registry => _registry;

    /// <summary>A four-star certificate issued on <paramref name="issuedOn"/> (the clock standing on that day unless given), and a key for its body.</summary>
    public async Task<IssuedCertificate> IssueAsync(DateOnly issuedOn, FakeTimeProvider? clock = null)
    {
        var (certificate, body) = await _registry.IssueAsync(issuedOn, clock);
        await using var db = database.CreateContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == certificate.OrganisationId);
        return new IssuedCertificate(certificate, body, organisation, keys.Add(body));
    }

    /// <summary>What the body would have signed on the issue day: the registry's facts, default expiry.</summary>
    public static QrClaims Claims(IssuedCertificate issued, Medium medium = Medium.Certificate, uint serial = 0, DateOnly? signedOn = null)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var issuedOn = issued.Certificate.IssuedOn;
        return new QrClaims(QrClaims.CurrentVersion, issued.Certificate.NormalizedNumber, issued.Organisation.CreditCode, "four-star",
            issuedOn, ValidityPeriod.DefaultExpiry(issuedOn), medium, serial, signedOn ?? issuedOn);
    }

    public byte[] Envelope(QrClaims claims, KeyId key)
    {
        using var signer = keys.Signer(key);
        return signer.Sign(claims);
    }

    public string Link(QrClaims claims, KeyId key) => VerifyUrl.Build(Host, Envelope(claims, key));

    public string Link(IssuedCertificate issued) => Link(Claims(issued), issued.Key);

    /// <summary>The bare base32 payload of a link (what follows /V/).</summary>
    public static string PayloadOf(string link) => link[(link.IndexOf("/V/", StringComparison.Ordinal) + 3)..];

    public async Task ChangeAsync(IssuedCertificate issued, StatusChange change, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(issued);
        await using var db = database.CreateContext();
        await new CertificatePublisher(db, clock ?? TimeProvider.System).ChangeAsync(issued.Certificate.Number, change,
            TestRegistry.Actor(issued.Body), CancellationToken.None);
    }

    /// <summary>The verifier as the site builds it, on a context the caller disposes, at the caller's clock.</summary>
    public Verifier Verifier(RegistryDbContext db, TimeProvider clock) =>
        new(keys, new CertificateQueries(db), clock, Options.Create(new VerificationOptions()));
}
