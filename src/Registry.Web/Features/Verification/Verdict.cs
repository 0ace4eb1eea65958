using Registry.Domain.Lifecycle;
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
    string? HolderNameEn);
