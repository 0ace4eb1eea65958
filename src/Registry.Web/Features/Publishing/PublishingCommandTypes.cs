namespace Registry.Web.Features.Publishing;

// What a certification body asks for, in plain types so that any transport (REST, CSV, GraphQL) can fill
// them. Numbers are typed any way (full-width, separators); rules are checked by the domain, not here.
// ExpectedVersion, when given, is the certificate's version the client last read; an outdated one is refused.

/// <summary>Issues a certificate. The organisation is found by credit code, or registered with the names given.</summary>
public sealed record IssueCommand(
    string Number,
    string OrganisationCreditCode,
    string? OrganisationNameZh,
    string? OrganisationNameEn,
    string? OrganisationAddress,
    string Level,
    decimal TotalScore,
    decimal? ServiceSystemScore,
    decimal? CommodityServiceScore,
    decimal? CustomerServiceScore,
    string ScopeZh,
    string? ScopeEn,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn = null,
    string? Reason = null,
    string? Scheme = null);

/// <summary>Starts a new cycle; the expiry defaults to three years. A new level needs its scores.</summary>
public sealed record RenewCommand(
    string Number,
    int? ExpectedVersion,
    DateOnly EffectiveOn,
    DateOnly? ExpiresOn = null,
    string? Level = null,
    decimal? TotalScore = null,
    decimal? ServiceSystemScore = null,
    decimal? CommodityServiceScore = null,
    decimal? CustomerServiceScore = null,
    string? Reason = null);

public sealed record ChangeScopeCommand(string Number, int? ExpectedVersion, DateOnly EffectiveOn, string ScopeZh, string? ScopeEn = null, string? Reason = null);

/// <summary>A new level with the score that earns it.</summary>
public sealed record ChangeLevelCommand(
    string Number,
    int? ExpectedVersion,
    DateOnly EffectiveOn,
    string Level,
    decimal TotalScore,
    decimal? ServiceSystemScore = null,
    decimal? CommodityServiceScore = null,
    decimal? CustomerServiceScore = null,
    string? Reason = null);

/// <summary>Suspend, reinstate, withdraw or cancel: a reason and the day it takes effect.</summary>
public sealed record StatusCommand(string Number, int? ExpectedVersion, DateOnly EffectiveOn, string Reason);

/// <summary>Replaces the body's active QR signing key. With ExpectedActiveKid, refused if another key is active by now.</summary>
public sealed record RotateSigningKeyCommand(string? ExpectedActiveKid = null);

public sealed record RevokeSigningKeyCommand(string Kid, string Reason);

/// <summary>
/// Signed QR texts for one certificate. Medium <c>Certificate</c> gives the paper certificate's code (serial 0,
/// count 1); <c>Plaque</c> and <c>PackagingMark</c> allocate Count new serials (1 to <see cref="MaxCount"/>).
/// </summary>
public sealed record IssueQrCommand(string Number, string Medium, int Count = 1)
{
    public const int MaxCount = 1000;
}

/// <summary>A new API key for the caller's body, with an optional label and last valid day.</summary>
public sealed record CreateApiKeyCommand(string? Label, DateOnly? ExpiresOn);

public sealed record RevokeApiKeyCommand(string KeyId);

/// <summary>A new staff member of the caller's body, who sets a password through the one-time link in the answer.</summary>
public sealed record InviteStaffCommand(string Email, string DisplayName, string Role);

public sealed record DisableStaffCommand(long MemberId);
