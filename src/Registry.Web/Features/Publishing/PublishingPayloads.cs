namespace Registry.Web.Features.Publishing;

/// <summary>
/// A certificate as an operation left it, and the event it published. <see cref="Version"/> is what the next
/// change sends back as its expected version.
/// </summary>
public sealed record CertificatePayload(
    string Number,
    string NormalizedNumber,
    int Version,
    string Standing,
    string Status,
    string Level,
    decimal TotalScore,
    string ScopeZh,
    string? ScopeEn,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    PublishedEventPayload Event);

public sealed record PublishedEventPayload(int Sequence, string Kind, DateOnly EffectiveOn, DateTimeOffset PublishedAt, string Reason);

/// <summary>Public facts of a signing key, as in the JWKS.</summary>
public sealed record SigningKeyPayload(string Kid, string State, DateOnly NotBefore, DateOnly? NotAfter, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? RevocationReason);

public sealed record SigningKeyRotationPayload(SigningKeyPayload Retired, SigningKeyPayload Active);

/// <summary>The QR texts (HTTPS://HOST/V/…), one per serial.</summary>
public sealed record QrPayload(string Number, string Medium, IReadOnlyList<QrCodePayload> Codes);

public sealed record QrCodePayload(int Serial, string Text);

/// <summary>A print order's artwork: one file per serial.</summary>
public sealed record PrintedArtwork(string Number, string Medium, IReadOnlyList<QrCodes.ArtworkFile> Files);
