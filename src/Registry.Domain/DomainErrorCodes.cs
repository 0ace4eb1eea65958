namespace Registry.Domain;

/// <summary>Stable error codes. Clients match on these, so never rename one.</summary>
public static class DomainErrorCodes
{
    public const string CertificateWithdrawn = "CERTIFICATE_WITHDRAWN";
    public const string CertificateCancelled = "CERTIFICATE_CANCELLED";
    public const string CertificateExpired = "CERTIFICATE_EXPIRED";
    public const string CertificateSuspended = "CERTIFICATE_SUSPENDED";
    public const string CertificateNotSuspended = "CERTIFICATE_NOT_SUSPENDED";
    public const string CertificateAlreadyIssued = "CERTIFICATE_ALREADY_ISSUED";
    public const string CertificateNotYetIssued = "CERTIFICATE_NOT_YET_ISSUED";
    public const string LevelScoreMismatch = "LEVEL_SCORE_MISMATCH";
    public const string LevelUnchanged = "LEVEL_UNCHANGED";
    public const string UnknownLevel = "UNKNOWN_LEVEL";
    public const string LevelRequired = "LEVEL_REQUIRED";
    public const string UnknownScheme = "UNKNOWN_SCHEME";
    public const string ScoreOutOfRange = "SCORE_OUT_OF_RANGE";
    public const string ScoreBelowCertifiable = "SCORE_BELOW_CERTIFIABLE";
    public const string ExpiryNotAfterIssue = "EXPIRY_NOT_AFTER_ISSUE";
    public const string EffectiveDateBeforeIssue = "EFFECTIVE_DATE_BEFORE_ISSUE";
    public const string EffectiveDateInFuture = "EFFECTIVE_DATE_IN_FUTURE";
    public const string EffectiveDateBeforeLastChange = "EFFECTIVE_DATE_BEFORE_LAST_CHANGE";
    public const string IssueDateInFuture = "ISSUE_DATE_IN_FUTURE";
    public const string IssueDateBeforeScheme = "ISSUE_DATE_BEFORE_SCHEME";
    public const string EffectiveDateBeforeScheme = "EFFECTIVE_DATE_BEFORE_SCHEME";
    public const string ExpiryBeyondValidity = "EXPIRY_BEYOND_VALIDITY";
    public const string DateOutOfRange = "DATE_OUT_OF_RANGE";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string TextTooLong = "TEXT_TOO_LONG";
    public const string ActorRequired = "ACTOR_REQUIRED";
    public const string ScopeRequired = "SCOPE_REQUIRED";
    public const string MalformedCertificateNumber = "MALFORMED_CERTIFICATE_NUMBER";
    public const string MalformedCreditCode = "MALFORMED_CREDIT_CODE";
    public const string CreditCodeCheckFailed = "CREDIT_CODE_CHECK_FAILED";
    public const string UnknownDivisionCode = "UNKNOWN_DIVISION_CODE";
    public const string NameRequired = "NAME_REQUIRED";
    public const string ConcurrentChange = "CONCURRENT_CHANGE";
    public const string OutdatedVersion = "OUTDATED_VERSION";
    public const string CertificateNotFound = "CERTIFICATE_NOT_FOUND";
    public const string OrganisationNotFound = "ORGANISATION_NOT_FOUND";
    public const string DuplicateCertificateNumber = "DUPLICATE_CERTIFICATE_NUMBER";
    public const string NotYourCertificate = "NOT_YOUR_CERTIFICATE";
}
