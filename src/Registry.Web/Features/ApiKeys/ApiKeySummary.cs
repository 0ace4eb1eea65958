namespace Registry.Web.Features.ApiKeys;

/// <summary>What an operator sees of a key: never the secret nor its hash.</summary>
public sealed record ApiKeySummary(
    string KeyId,
    string BodyCode,
    string? Label,
    DateTimeOffset CreatedAt,
    DateOnly? ExpiresOn,
    DateTimeOffset? RevokedAt)
{
    internal static ApiKeySummary From(ApiKey key, string bodyCode) =>
        new(key.KeyId, bodyCode, key.Label, key.CreatedAt, key.ExpiresOn, key.RevokedAt);

    /// <summary>active, expired or revoked on the given China calendar day.</summary>
    public string StateOn(DateOnly today) =>
        RevokedAt is not null ? "revoked" : ExpiresOn is { } last && today > last ? "expired" : "active";
}

/// <summary>A key just created: the token is shown to the operator this once and is stored nowhere.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Token);
