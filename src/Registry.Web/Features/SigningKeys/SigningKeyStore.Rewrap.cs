using System.Security.Cryptography;
using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>Replacing the key-encryption key: every stored private key is decrypted with the old KEK and encrypted with the new one.</summary>
public sealed partial class SigningKeyStore
{
    /// <summary>
    /// Re-encrypts under <see cref="SigningKeyOptions.KeyEncryptionKey"/> every private key that only
    /// <see cref="SigningKeyOptions.PreviousKeyEncryptionKey"/> opens, in one transaction: all keys move, or none.
    /// Keys already under the new KEK are left as they are, so running it twice is harmless.
    /// </summary>
    public async Task<(int Rewrapped, int AlreadyCurrent)> RewrapAsync(string actor, CancellationToken cancellationToken)
    {
        var previous = new PrivateKeyProtector(_options.Value.PreviousKeyEncryptionKeyBytes());
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // FOR UPDATE: a key created meanwhile under the new KEK is fine, but a concurrent rewrap must wait.
        var keys = await db.SigningKeys.FromSql($"SELECT * FROM signing_keys ORDER BY id FOR UPDATE").ToListAsync(cancellationToken);
        var rewrapped = 0;
        foreach (var key in keys)
        {
            var kid = ParseKid(key.Kid);
            if (TryUnprotect(Protector, key, kid) is { } current)
            {
                CryptographicOperations.ZeroMemory(current);
                continue;
            }

            var scalar = TryUnprotect(previous, key, kid)
                ?? throw Refuse("rewrap", actor, SigningKeyError.Refused,
                    $"The private key of signing key {kid} opens with neither {SigningKeyOptions.KeyEncryptionKeySetting} nor {SigningKeyOptions.PreviousKeyEncryptionKeySetting}; nothing was changed.");
            try
            {
                key.EncryptedPrivateKey = Protector.Protect(scalar, key.BodyId, kid);
                rewrapped++;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(scalar);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRewrapped(actor, rewrapped, keys.Count - rewrapped);
        return (rewrapped, keys.Count - rewrapped);
    }

    private static byte[]? TryUnprotect(PrivateKeyProtector protector, StoredSigningKey key, KeyId kid)
    {
        try
        {
            return protector.Unprotect(key.EncryptedPrivateKey, key.BodyId, kid);
        }
        catch (SigningKeyDecryptionException)
        {
            return null;
        }
    }
}
