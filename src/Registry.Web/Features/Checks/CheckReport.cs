using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Checks;

/// <summary>Why a row's answer needs a person to look at it.</summary>
public enum CheckConcern
{
    /// <summary>More than one certificate answers the row.</summary>
    SeveralMatches,

    /// <summary>No holder has the name as typed; the certificates shown are the closest names.</summary>
    PartialName,

    /// <summary>The certificate exists, but its holder's credit code is not the one in the row.</summary>
    CreditCodeDiffers,

    /// <summary>Nothing answers the row; <see cref="CheckRowResult.Reason"/> says why.</summary>
    NotFound,
}

/// <summary>A certificate as a check shows it: read from PostgreSQL when the check ran, with its status at that instant.</summary>
public sealed record CheckedCertificate(
    string Number,
    string NormalizedNumber,
    string HolderNameZh,
    string? HolderNameEn,
    string HolderCreditCode,
    CertificateStatus Status,
    string SchemeCode,
    string Level,
    DateOnly ExpiresOn,
    string BodyCode,
    string BodyNameZh,
    string BodyNameEn);

/// <summary>One row's answer: what was asked, what it was taken to be, what matched, and what needs a person.</summary>
public sealed record CheckRowResult(
    int Row,
    int SourceRow,
    string Asked,
    AskedAs AskedAs,
    IReadOnlyList<CheckedCertificate> Matches,
    IReadOnlyList<CheckConcern> Concerns,
    CheckProblem? Reason)
{
    public bool NeedsAttention => Concerns.Count > 0;
}

/// <summary>A whole check: every row's answer, all as of one instant.</summary>
public sealed record CheckReport(DateTimeOffset AsOf, TableFormat Format, string Encoding, IReadOnlyList<CheckRowResult> Rows)
{
    public int NeedingAttention => Rows.Count(r => r.NeedsAttention);
}
