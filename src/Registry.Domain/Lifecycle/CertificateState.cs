using Registry.Domain.Levels;

namespace Registry.Domain.Lifecycle;

/// <summary>A certificate as a set of events leaves it on one date.</summary>
public sealed record CertificateState(
    CertificateStatus Status,
    CertificateStanding? Standing,
    string? Level,
    Scores? Scores,
    string? ScopeZh,
    string? ScopeEn,
    DateOnly? ExpiresOn,
    StatusEvent? LastEvent)
{
    public static CertificateState NotIssued { get; } = new(CertificateStatus.NotIssued, null, null, null, null, null, null, null);
}
