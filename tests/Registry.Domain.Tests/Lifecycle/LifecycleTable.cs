namespace Registry.Domain.Tests.Lifecycle;

/// <summary>
/// The lifecycle as the scheme describes it, written out by hand: withdrawn and cancelled are final; a
/// suspension ends only in reinstatement or withdrawal; an expired certificate can only be renewed; a valid
/// one can take any change except reinstatement; nothing but an issue can happen before the issue.
/// A null code means the change is allowed.
/// </summary>
public static class LifecycleTable
{
    public static TheoryData<CertificateStatus, StatusEventKind, string?> Expected { get; } = new()
    {
        { CertificateStatus.NotIssued, StatusEventKind.Issued, null },
        { CertificateStatus.NotIssued, StatusEventKind.Suspended, "CERTIFICATE_NOT_YET_ISSUED" },
        { CertificateStatus.NotIssued, StatusEventKind.Reinstated, "CERTIFICATE_NOT_YET_ISSUED" },
        { CertificateStatus.NotIssued, StatusEventKind.Withdrawn, "CERTIFICATE_NOT_YET_ISSUED" },
        { CertificateStatus.NotIssued, StatusEventKind.Cancelled, "CERTIFICATE_NOT_YET_ISSUED" },
        { CertificateStatus.NotIssued, StatusEventKind.Renewed, "CERTIFICATE_NOT_YET_ISSUED" },
        { CertificateStatus.NotIssued, StatusEventKind.ScopeChanged, "CERTIFICATE_NOT_YET_ISSUED" },
        { CertificateStatus.NotIssued, StatusEventKind.LevelChanged, "CERTIFICATE_NOT_YET_ISSUED" },

        { CertificateStatus.Valid, StatusEventKind.Issued, "CERTIFICATE_ALREADY_ISSUED" },
        { CertificateStatus.Valid, StatusEventKind.Suspended, null },
        { CertificateStatus.Valid, StatusEventKind.Reinstated, "CERTIFICATE_NOT_SUSPENDED" },
        { CertificateStatus.Valid, StatusEventKind.Withdrawn, null },
        { CertificateStatus.Valid, StatusEventKind.Cancelled, null },
        { CertificateStatus.Valid, StatusEventKind.Renewed, null },
        { CertificateStatus.Valid, StatusEventKind.ScopeChanged, null },
        { CertificateStatus.Valid, StatusEventKind.LevelChanged, null },

        { CertificateStatus.Suspended, StatusEventKind.Issued, "CERTIFICATE_ALREADY_ISSUED" },
        { CertificateStatus.Suspended, StatusEventKind.Suspended, "CERTIFICATE_SUSPENDED" },
        { CertificateStatus.Suspended, StatusEventKind.Reinstated, null },
        { CertificateStatus.Suspended, StatusEventKind.Withdrawn, null },
        { CertificateStatus.Suspended, StatusEventKind.Cancelled, "CERTIFICATE_SUSPENDED" },
        { CertificateStatus.Suspended, StatusEventKind.Renewed, "CERTIFICATE_SUSPENDED" },
        { CertificateStatus.Suspended, StatusEventKind.ScopeChanged, "CERTIFICATE_SUSPENDED" },
        { CertificateStatus.Suspended, StatusEventKind.LevelChanged, "CERTIFICATE_SUSPENDED" },

        { CertificateStatus.Withdrawn, StatusEventKind.Issued, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.Suspended, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.Reinstated, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.Withdrawn, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.Cancelled, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.Renewed, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.ScopeChanged, "CERTIFICATE_WITHDRAWN" },
        { CertificateStatus.Withdrawn, StatusEventKind.LevelChanged, "CERTIFICATE_WITHDRAWN" },

        { CertificateStatus.Cancelled, StatusEventKind.Issued, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.Suspended, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.Reinstated, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.Withdrawn, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.Cancelled, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.Renewed, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.ScopeChanged, "CERTIFICATE_CANCELLED" },
        { CertificateStatus.Cancelled, StatusEventKind.LevelChanged, "CERTIFICATE_CANCELLED" },

        { CertificateStatus.Expired, StatusEventKind.Issued, "CERTIFICATE_ALREADY_ISSUED" },
        { CertificateStatus.Expired, StatusEventKind.Suspended, "CERTIFICATE_EXPIRED" },
        { CertificateStatus.Expired, StatusEventKind.Reinstated, "CERTIFICATE_EXPIRED" },
        { CertificateStatus.Expired, StatusEventKind.Withdrawn, "CERTIFICATE_EXPIRED" },
        { CertificateStatus.Expired, StatusEventKind.Cancelled, "CERTIFICATE_EXPIRED" },
        { CertificateStatus.Expired, StatusEventKind.Renewed, null },
        { CertificateStatus.Expired, StatusEventKind.ScopeChanged, "CERTIFICATE_EXPIRED" },
        { CertificateStatus.Expired, StatusEventKind.LevelChanged, "CERTIFICATE_EXPIRED" },
    };

    public static IEnumerable<(CertificateStatus From, StatusEventKind Change, string? Refusal)> Rows =>
        Expected.Select(row => row.Data);
}
