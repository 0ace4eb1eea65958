using System.Security.Cryptography;
using Registry.Signing.Claims;
using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// The certification bodies' QR signing keys as the rest of the site needs them. Private keys never
/// leave the server: only <see cref="ActiveKey"/> holds one, for signing in-process.
/// </summary>
public interface ISigningKeys
{
    /// <summary>Every key of every body (active, retired and revoked), for verification and the JWKS.</summary>
    ValueTask<SigningKeySet> AllAsync(CancellationToken cancellationToken);

    /// <summary>The body's active key, decrypted for signing; null when the body has no active key.</summary>
    ValueTask<ActiveKey?> ActiveForAsync(long bodyId, CancellationToken cancellationToken);
}

/// <summary>A decrypted private key, for one signing job; dispose it when done.</summary>
public sealed class ActiveKey(KeyId id, string bodyCode, ECDsa privateKey) : IDisposable
{
    public KeyId Id { get; } = id;

    public string BodyCode { get; } = bodyCode;

    public ECDsa PrivateKey { get; } = privateKey;

    public void Dispose() => PrivateKey.Dispose();
}
