using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Registry.Signing.Keys;

/// <summary>RFC 7638 JWK thumbprints of ECDSA P-256 public keys, and the short key id taken from them.</summary>
public static class KeyIds
{
    public const int CoordinateLength = 32;

    /// <summary>SHA-256 over {"crv":"P-256","kty":"EC","x":"…","y":"…"}: the required members, sorted, no spaces.</summary>
    public static byte[] Thumbprint(ECParameters publicKey)
    {
        RequireP256(publicKey);
        var canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.EncodeToString(publicKey.Q.X)
            + "\",\"y\":\"" + Base64Url.EncodeToString(publicKey.Q.Y) + "\"}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }

    public static KeyId ShortId(ECParameters publicKey) => KeyId.FromBytes(Thumbprint(publicKey).AsSpan(0, KeyId.Length));

    public static KeyId ShortId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ShortId(key.ExportParameters(includePrivateParameters: false));
    }

    public static void RequireP256(ECParameters key)
    {
        var isP256 = key.Curve.IsNamed
            && (key.Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                || string.Equals(key.Curve.Oid.FriendlyName, ECCurve.NamedCurves.nistP256.Oid.FriendlyName, StringComparison.OrdinalIgnoreCase));
        if (!isP256 || key.Q.X is not { Length: CoordinateLength } || key.Q.Y is not { Length: CoordinateLength })
        {
            throw new ArgumentException("Only ECDSA P-256 keys are used for QR payloads.", nameof(key));
        }
    }
}
