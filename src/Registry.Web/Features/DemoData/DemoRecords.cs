namespace Registry.Web.Features.DemoData;

/// <summary>
/// The last ids already used in each table before a load; generated rows take the ids after them.
/// Bulk COPY writes ids explicitly, so the loader moves each identity sequence past them afterwards.
/// </summary>
internal sealed record DemoIdBase(long Body, long Organisation, long Certificate, long Event)
{
    public static DemoIdBase Empty { get; } = new(0, 0, 0, 0);
}

internal sealed record DemoBody(long Id, DemoBodySpec Spec, CertificationBody Body);

internal sealed record DemoOrganisation(long Id, Organisation Organisation);

/// <summary>
/// A generated certificate with its row ids: the certificate's own, and the id of its first event (the
/// others follow in sequence order). <see cref="StatusAsOf"/> is what the registry shows on the as-of date.
/// </summary>
internal sealed record DemoCertificate(
    long Id,
    long FirstEventId,
    long BodyId,
    Certificate Certificate,
    DemoOutcome Outcome,
    CertificateStatus StatusAsOf);

/// <summary>A slice of the data set, small enough to hold in memory: organisations first, then their certificates.</summary>
internal sealed record DemoBatch(IReadOnlyList<DemoOrganisation> Organisations, IReadOnlyList<DemoCertificate> Certificates)
{
    public int EventCount => Certificates.Sum(c => c.Certificate.EventCount);
}
