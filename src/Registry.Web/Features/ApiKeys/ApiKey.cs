namespace Registry.Web.Features.ApiKeys;

/// <summary>
/// A row of <c>api_keys</c>: one API key of a certification body. The secret is never stored, only
/// <see cref="SecretHash"/> (see <see cref="ApiKeyToken"/>); <see cref="KeyId"/> is public and names the key
/// in logs, the audit log and the operator commands.
/// </summary>
public sealed class ApiKey
{
    public const int MaxLabelLength = 100;

    public long Id { get; set; }

    public required string KeyId { get; set; }

    public long BodyId { get; set; }

    public string? Label { get; set; }

    /// <summary>SHA-256 of the whole token as the client sends it (32 bytes).</summary>
    public required byte[] SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The last China calendar day the key is accepted on; null for a key that does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
