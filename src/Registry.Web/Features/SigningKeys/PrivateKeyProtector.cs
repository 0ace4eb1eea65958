using System.Security.Cryptography;
using System.Text;
using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// Encrypts a private signing key at rest with AES-256-GCM under the key-encryption key (KEK).
/// <code>
/// blob = version (1 byte, 0x01) || nonce (12 bytes, random) || tag (16 bytes) || ciphertext (32 bytes: the P-256 scalar d)
/// associated data = "star-registry/signing-key/v1" 0x00 body id (decimal) 0x00 kid (base64url)
///                  "star-registry/receipt-key/v1" 0x00 "registry" 0x00 kid      (the registry's receipt keys)
/// </code>
/// The associated data binds each blob to its key id and body: a blob copied onto another row fails the tag
/// check instead of signing as another body. The version byte lets a later format sit next to this one.
/// </summary>
internal sealed class PrivateKeyProtector
{
    public const byte FormatVersion = 1;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int ScalarLength = 32;
    public const int BlobLength = 1 + NonceLength + TagLength + ScalarLength;

    private readonly byte[] _keyEncryptionKey;

    public PrivateKeyProtector(byte[] keyEncryptionKey)
    {
        if (keyEncryptionKey is not { Length: SigningKeyOptions.KeyEncryptionKeyLength })
        {
            throw new ArgumentException($"The key-encryption key has {SigningKeyOptions.KeyEncryptionKeyLength} bytes.", nameof(keyEncryptionKey));
        }

        _keyEncryptionKey = (byte[])keyEncryptionKey.Clone();
    }

    public byte[] Protect(ReadOnlySpan<byte> privateScalar, long? bodyId, KeyId kid)
    {
        if (privateScalar.Length != ScalarLength)
        {
            throw new ArgumentException($"A P-256 private scalar has {ScalarLength} bytes.", nameof(privateScalar));
        }

        var blob = new byte[BlobLength];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceLength);
        var tag = blob.AsSpan(1 + NonceLength, TagLength);
        var ciphertext = blob.AsSpan(1 + NonceLength + TagLength);

        // Random 96-bit nonces are safe for far more encryptions than a registry will ever make under one KEK.
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keyEncryptionKey, TagLength);
        aes.Encrypt(nonce, privateScalar, ciphertext, tag, AssociatedData(bodyId, kid));
        return blob;
    }

    /// <summary>The private scalar; the caller zeroes it when done.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> blob, long? bodyId, KeyId kid)
    {
        if (blob.Length != BlobLength || blob[0] != FormatVersion)
        {
            throw new SigningKeyDecryptionException(kid,
                $"The stored private key of signing key {kid} is not in format version {FormatVersion} ({blob.Length} bytes, version byte {(blob.IsEmpty ? "none" : blob[0].ToString(CultureInfo.InvariantCulture))}).");
        }

        var scalar = new byte[ScalarLength];
        try
        {
            using var aes = new AesGcm(_keyEncryptionKey, TagLength);
            aes.Decrypt(blob.Slice(1, NonceLength), blob[(1 + NonceLength + TagLength)..], blob.Slice(1 + NonceLength, TagLength), scalar,
                AssociatedData(bodyId, kid));
            return scalar;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SigningKeyDecryptionException(kid,
                $"The private key of signing key {kid} cannot be decrypted: {SigningKeyOptions.KeyEncryptionKeySetting} is not the key it was " +
                "encrypted with, or the stored ciphertext was altered or belongs to another key.", e);
        }
    }

    private static byte[] AssociatedData(long? bodyId, KeyId kid) => Encoding.ASCII.GetBytes(bodyId is { } body
        ? $"star-registry/signing-key/v{FormatVersion}\0{body.ToString(CultureInfo.InvariantCulture)}\0{kid}"
        : $"star-registry/receipt-key/v{FormatVersion}\0{SigningKeyInfo.RegistryIssuer}\0{kid}");
}

/// <summary>A stored private key that cannot be used: wrong key-encryption key, altered or swapped ciphertext.</summary>
public sealed class SigningKeyDecryptionException : CryptographicException
{
    public SigningKeyDecryptionException()
    {
    }

    public SigningKeyDecryptionException(string message)
        : base(message)
    {
    }

    public SigningKeyDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SigningKeyDecryptionException(KeyId kid, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kid = kid.ToString();
    }

    public string? Kid { get; }
}
