namespace Registry.Domain.Lifecycle;

/// <summary>
/// The status a standing shows: final standings stay as they are; a valid or suspended certificate past
/// its expiry date is expired. Stores that keep only the snapshot (the database, the search index) use
/// this so they answer exactly as the event fold does.
/// </summary>
public static class Standings
{
    public static CertificateStatus Status(this CertificateStanding standing, bool lapsed) => standing switch
    {
        CertificateStanding.Withdrawn => CertificateStatus.Withdrawn,
        CertificateStanding.Cancelled => CertificateStatus.Cancelled,
        _ when lapsed => CertificateStatus.Expired,
        CertificateStanding.Suspended => CertificateStatus.Suspended,
        _ => CertificateStatus.Valid,
    };

    public static CertificateStatus StatusOn(this CertificateStanding standing, DateOnly expiresOn, DateOnly day) =>
        standing.Status(lapsed: day > expiresOn);
}
