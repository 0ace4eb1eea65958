using Registry.Domain.Identifiers;
using Registry.Domain.Levels;

namespace Registry.Domain.Certificates;

/// <summary>What a body states when it issues a certificate.</summary>
public sealed record IssueCertificate(
    CertificateNumber Number,
    Scheme Scheme,
    long BodyId,
    long OrganisationId,
    string Level,
    Scores Scores,
    string ScopeZh,
    string? ScopeEn,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn,
    string Actor,
    bool IsDemo = false,
    string? Reason = null);
