namespace Registry.Domain.Lifecycle;

/// <summary>
/// Which change may follow which status. Withdrawn and cancelled are final; a suspension ends only in
/// reinstatement or withdrawal; an expired certificate can only be renewed.
/// </summary>
public static class LifecycleRules
{
    public static bool IsAllowed(CertificateStatus from, StatusEventKind change) => Refusal(from, change) is null;

    public static void EnsureAllowed(CertificateStatus from, StatusEventKind change)
    {
        if (Refusal(from, change) is { } refusal)
        {
            throw new DomainException(refusal.Code, refusal.Message);
        }
    }

    /// <summary>Why a change may not follow a status, or null when it may.</summary>
    public static (string Code, string Message)? Refusal(CertificateStatus from, StatusEventKind change) => (from, change) switch
    {
        (CertificateStatus.NotIssued, StatusEventKind.Issued) => null,
        (CertificateStatus.NotIssued, _) => (DomainErrorCodes.CertificateNotYetIssued,
            "The certificate was not yet issued on the effective date."),
        (CertificateStatus.Withdrawn, _) => (DomainErrorCodes.CertificateWithdrawn,
            "The certificate was withdrawn; a withdrawal is final."),
        (CertificateStatus.Cancelled, _) => (DomainErrorCodes.CertificateCancelled,
            "The certificate was cancelled at the holder's request; a cancellation is final."),
        (_, StatusEventKind.Issued) => (DomainErrorCodes.CertificateAlreadyIssued,
            "The certificate has already been issued."),
        (CertificateStatus.Expired, StatusEventKind.Renewed) => null,
        (CertificateStatus.Expired, _) => (DomainErrorCodes.CertificateExpired,
            "The certificate has expired; it can only be renewed."),
        (CertificateStatus.Suspended, StatusEventKind.Reinstated or StatusEventKind.Withdrawn) => null,
        (CertificateStatus.Suspended, _) => (DomainErrorCodes.CertificateSuspended,
            "The certificate is suspended; it can only be reinstated or withdrawn."),
        (CertificateStatus.Valid, StatusEventKind.Reinstated) => (DomainErrorCodes.CertificateNotSuspended,
            "Only a suspended certificate can be reinstated."),
        (CertificateStatus.Valid, _) => null,
        _ => (DomainErrorCodes.CertificateNotYetIssued, $"No change is defined from {from}."),
    };
}
