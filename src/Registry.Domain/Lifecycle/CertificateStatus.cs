namespace Registry.Domain.Lifecycle;

/// <summary>What a user is told about a certificate on a given date.</summary>
public enum CertificateStatus
{
    /// <summary>Nothing was in effect (or published) yet on that date.</summary>
    NotIssued = 0,
    Valid,
    Suspended,
    Withdrawn,
    Cancelled,
    Expired,
}

/// <summary>
/// Where the events alone leave a certificate, before the calendar is consulted: expiry is a matter of
/// the date asked about, so it is never a standing.
/// </summary>
public enum CertificateStanding
{
    Valid = 1,
    Suspended,
    Withdrawn,
    Cancelled,
}
