using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// A row of <c>signing_keys</c>: one ECDSA P-256 key of a certification body (QR codes), or, with no body, of the
/// registry itself (verification receipts). Only the public point is in
/// the clear; the private scalar is in <see cref="EncryptedPrivateKey"/> (see <see cref="PrivateKeyProtector"/>).
/// A plain persistence class: the lifecycle rules live in <see cref="SigningKeyStore"/> and the database's
/// constraints, because the domain project stays free of cryptography.
/// </summary>
public sealed class StoredSigningKey
{
    public long Id { get; set; }

    /// <summary>The body whose QR codes the key signs; null for the registry's receipt keys.</summary>
    public long? BodyId { get; set; }

    /// <summary>The 4-byte key id printed in every code, in its JWKS spelling (base64url, 6 characters).</summary>
    public required string Kid { get; set; }

    /// <summary>The full RFC 7638 thumbprint (32 bytes); the kid is its first four bytes.</summary>
    public required byte[] Thumbprint { get; set; }

    public required byte[] PublicX { get; set; }

    public required byte[] PublicY { get; set; }

    public required byte[] EncryptedPrivateKey { get; set; }

    public KeyState State { get; set; }

    /// <summary>First day (China calendar) the key may sign.</summary>
    public DateOnly NotBefore { get; set; }

    /// <summary>Last day the key may have signed; null exactly while the key is active.</summary>
    public DateOnly? NotAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevocationReason { get; set; }
}
