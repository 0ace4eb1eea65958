using Registry.Signing.Claims;

namespace Registry.Web.Features.Verification;

public enum VerdictKind
{
    /// <summary>Signed by the issuing body's key, and valid in the registry now.</summary>
    GenuineValid,
    /// <summary>Genuine, but the registry now says suspended, withdrawn, cancelled or expired.</summary>
    GenuineNotValid,
    /// <summary>Genuine, but what was signed disagrees with the registry today (e.g. the level was lowered).</summary>
    GenuineChanged,
    NotGenuine,
    /// <summary>Genuine signature over a certificate the registry does not hold.</summary>
    NotFound,
}

/// <summary>One difference between the signed claims and the registry today.</summary>
public sealed record ClaimDifference(string Field, string SignedValue, string RegistryValue);

/// <summary>
/// The one answer a scan gets. <see cref="AsOf"/> is the moment the status was read from the registry;
/// the signature alone never makes a certificate valid.
/// </summary>
public sealed record Verdict(
    VerdictKind Kind,
    DateTimeOffset AsOf,
    QrClaims? Claims,
    CertificateStatus? Status,
    DateOnly? StatusSince,
    string? StatusReason,
    string? NotGenuineCode,
    string? NotGenuineMessage,
    IReadOnlyList<ClaimDifference> Differences,
    string? CertificateNumber,
    string? HolderNameZh,
    string? HolderNameEn)
{
    // What follows was added by the verifier, not the contract: the registry's side of the comparison and
    // who signed, so that a page or client can show them without a second look-up. Init-only with
    // defaults, so the positional shape above is unchanged.

    /// <summary>The folded number the certificate page lives at; null unless the registry holds the certificate.</summary>
    public string? NormalizedNumber { get; init; }

    /// <summary>The registry's level code today (e.g. "four-star").</summary>
    public string? Level { get; init; }

    public DateOnly? IssuedOn { get; init; }

    /// <summary>The registry's last day of validity today (a renewal moves it).</summary>
    public DateOnly? ExpiresOn { get; init; }

    public string? CreditCode { get; init; }

    public string? BodyNameZh { get; init; }

    public string? BodyNameEn { get; init; }

    /// <summary>The certification body whose key made the signature (GENUINE, CHANGED, NOT VALID and NOT FOUND).</summary>
    public string? SignedBy { get; init; }

    /// <summary>The id of the key that made a genuine signature (base64url, as in the JWKS).</summary>
    public string? KeyId { get; init; }

    /// <summary>For <see cref="VerdictKind.NotFound"/>: why the registry holds no such certificate (<see cref="NotFoundReasons"/>).</summary>
    public string? NotFoundReason { get; init; }

    /// <summary>
    /// Set when PostgreSQL could not be reached and the status came from the certificate cache: how old the status
    /// was at the scan. <see cref="AsOf"/> is then the last instant the cache was confirmed in step.
    /// </summary>
    public TimeSpan? StatusAge { get; init; }

    public bool FromMemory => StatusAge is not null;
}

/// <summary>Stable codes for <see cref="Verdict.NotFoundReason"/>.</summary>
public static class NotFoundReasons
{
    /// <summary>No certificate with this number was ever published. The registry never deletes a certificate, so "removed" cannot happen.</summary>
    public const string NeverIssued = "NEVER_ISSUED";

    /// <summary>The certificate exists but nothing about it is in effect yet (its issue is not yet effective or published).</summary>
    public const string NotYetInEffect = "NOT_YET_IN_EFFECT";
}
