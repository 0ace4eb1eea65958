namespace Registry.Web.Features.ApiKeys;

/// <summary>Why a presented key was not accepted: for the server log only, never for the client.</summary>
public enum ApiKeyRejection
{
    Malformed,
    Unknown,
    WrongSecret,
    Expired,
    Revoked,
}

/// <summary>An accepted key: who it speaks for.</summary>
public sealed record ApiKeyIdentity(long BodyId, string BodyCode, string KeyId);

/// <summary>
/// Checks a presented token against the database on every request, so that a revocation takes effect at
/// once. Lookup is by the public key id; the secret is compared as a hash in constant time.
/// </summary>
public sealed class ApiKeyAuthenticator(RegistryDbContext db, TimeProvider clock)
{
    // Compared against when the key id is unknown, so that an unknown id costs the same hashing as a known one.
    private static readonly byte[] Decoy = ApiKeyToken.Hash(ApiKeyToken.Prefix + new string('a', ApiKeyToken.KeyIdLength) + "_" + new string('A', ApiKeyToken.SecretLength));

    public async Task<(ApiKeyIdentity? Identity, ApiKeyRejection Rejection, string? KeyId)> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryReadKeyId(token, out var keyId))
        {
            return (null, ApiKeyRejection.Malformed, null);
        }

        var row = await (
                from key in db.ApiKeys.AsNoTracking()
                join body in db.Bodies.AsNoTracking() on key.BodyId equals body.Id
                where key.KeyId == keyId
                select new { key.SecretHash, key.ExpiresOn, key.RevokedAt, key.BodyId, body.Code })
            .SingleOrDefaultAsync(cancellationToken);
        var matches = ApiKeyToken.Matches(token, row?.SecretHash ?? Decoy);
        if (row is null)
        {
            return (null, ApiKeyRejection.Unknown, keyId);
        }

        if (!matches)
        {
            return (null, ApiKeyRejection.WrongSecret, keyId);
        }

        if (row.RevokedAt is not null)
        {
            return (null, ApiKeyRejection.Revoked, keyId);
        }

        if (row.ExpiresOn is { } last && RegistryCalendar.Today(clock) > last)
        {
            return (null, ApiKeyRejection.Expired, keyId);
        }

        return (new ApiKeyIdentity(row.BodyId, row.Code, keyId), default, keyId);
    }
}
