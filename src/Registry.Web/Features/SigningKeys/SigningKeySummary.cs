using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>What an operator sees of a key: public facts only.</summary>
public sealed record SigningKeySummary(
    string Kid,
    string BodyCode,
    KeyState State,
    DateOnly NotBefore,
    DateOnly? NotAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? RevokedAt,
    string? RevocationReason)
{
    internal static SigningKeySummary From(StoredSigningKey key, string bodyCode) => new(
        key.Kid, bodyCode, key.State, key.NotBefore, key.NotAfter, key.CreatedAt, key.RetiredAt, key.RevokedAt, key.RevocationReason);
}

/// <summary>The outcome of a rotation: the key that stopped signing and the one that took over.</summary>
public sealed record SigningKeyRotation(SigningKeySummary Retired, SigningKeySummary Active);
