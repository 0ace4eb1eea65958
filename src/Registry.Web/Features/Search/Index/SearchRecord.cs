namespace Registry.Web.Features.Search.Index;

/// <summary>One certificate flattened with its holder and body: what the index holds and shows.</summary>
public sealed record SearchRecord(
    long CertificateId,
    string Number,
    string NormalizedNumber,
    string CreditCode,
    string LegalNameZh,
    IReadOnlyList<string> FormerNames,
    string? NameEn,
    string BodyCode,
    string BodyNameZh,
    string BodyNameEn,
    string ProvinceCode,
    string? Address,
    string ScopeZh,
    string? ScopeEn,
    string Level,
    CertificateStanding Standing,
    DateOnly IssuedOn,
    DateOnly ExpiresOn);
