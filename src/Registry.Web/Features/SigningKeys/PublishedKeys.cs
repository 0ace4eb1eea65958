using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>One reading of the key table: the set verifiers use, and the JWKS document with its ETag, built once per reading.</summary>
internal sealed class PublishedKeys
{
    private PublishedKeys(SigningKeySet keys, byte[] jwks, string eTag, DateTimeOffset loadedAt, long generation)
    {
        Keys = keys;
        Jwks = jwks;
        ETag = eTag;
        LoadedAt = loadedAt;
        Generation = generation;
    }

    public SigningKeySet Keys { get; }

    /// <summary>UTF-8 JSON; public members only, because <see cref="Registry.Signing.Keys.Jwks.Write"/> has nothing else to write.</summary>
    public byte[] Jwks { get; }

    /// <summary>A strong entity tag: a hash of the document, so every instance gives the same tag for the same keys.</summary>
    public string ETag { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The store's change counter when the reading began: a change through the store since then makes it stale.</summary>
    public long Generation { get; }

    public static PublishedKeys Build(IEnumerable<Row> rows, SigningKeySet? previous, DateTimeOffset loadedAt, long generation)
    {
        var keys = new SigningKeySet(rows.Select(row => Reuse(previous, row) ?? row.ToInfo()));
        var jwks = Encoding.UTF8.GetBytes(Registry.Signing.Keys.Jwks.Write(keys.Keys));
        var eTag = "\"" + Base64Url.EncodeToString(SHA256.HashData(jwks).AsSpan(0, 16)) + "\"";
        return new PublishedKeys(keys, jwks, eTag, loadedAt, generation);
    }

    /// <summary>
    /// The previous reading's object for an unchanged key (or a copy with the new state): SigningKeyInfo caches
    /// its ECDsa objects, which a fresh object would have to build again on the next scans.
    /// </summary>
    private static SigningKeyInfo? Reuse(SigningKeySet? previous, Row row)
    {
        var parameters = row.PublicKey();
        if (previous?.Find(KeyIds.ShortId(parameters)) is not { } known
            || known.Issuer != (row.BodyCode ?? SigningKeyInfo.RegistryIssuer)
            || known.Purpose != (row.BodyCode is null ? KeyPurpose.Receipts : KeyPurpose.QrCodes)
            || known.NotBefore != row.NotBefore
            || !known.PublicKey.Q.X.AsSpan().SequenceEqual(row.X)
            || !known.PublicKey.Q.Y.AsSpan().SequenceEqual(row.Y))
        {
            return null;
        }

        return known.State == row.State && known.NotAfter == row.NotAfter ? known : known.WithState(row.State, row.NotAfter);
    }

    /// <param name="BodyCode">The owning body; null for the registry's receipt keys.</param>
    internal sealed record Row(byte[] X, byte[] Y, string? BodyCode, KeyState State, DateOnly NotBefore, DateOnly? NotAfter)
    {
        public ECParameters PublicKey() => new()
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = X, Y = Y },
        };

        public SigningKeyInfo ToInfo() => BodyCode is null
            ? SigningKeyInfo.ForReceipts(PublicKey(), State, NotBefore, NotAfter)
            : new(PublicKey(), BodyCode, State, NotBefore, NotAfter);
    }
}
