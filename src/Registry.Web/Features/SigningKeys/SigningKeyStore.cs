using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Signing.Keys;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// The bodies' signing keys in PostgreSQL: key lifecycle (create, rotate, revoke), the published key set
/// (cached, see <see cref="PublishedAsync"/>) and decryption of the active key for signing (the serials of
/// printed plaques and marks are QrCodes' <c>QrSerialStore</c>). A singleton: each operation uses a short-lived DbContext of its own.
/// </summary>
public sealed partial class SigningKeyStore : ISigningKeys, IDisposable
{
    private readonly DbContextOptions<RegistryDbContext> _contextOptions;
    private readonly IOptions<SigningKeyOptions> _options;
    private readonly ISigningKeyGenerator _generator;
    private readonly TimeProvider _clock;
    private readonly ILogger<SigningKeyStore> _logger;

    // Built on first use, so that `keys list` and `keys revoke` need no KEK; the site validates it at start anyway.
    // PublicationOnly: a failure (missing KEK) is not cached, it is reported again on the next attempt.
    private readonly Lazy<PrivateKeyProtector> _protector;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile PublishedKeys? _published;
    private long _generation;

    public SigningKeyStore(NpgsqlDataSource dataSource, IOptions<SigningKeyOptions> options, ISigningKeyGenerator generator,
        TimeProvider clock, ILogger<SigningKeyStore> logger)
    {
        _contextOptions = DataExtensions.ContextOptions(dataSource);
        _options = options;
        _generator = generator;
        _clock = clock;
        _logger = logger;
        _protector = new(() => new PrivateKeyProtector(_options.Value.KeyEncryptionKeyBytes()), LazyThreadSafetyMode.PublicationOnly);
    }

    private PrivateKeyProtector Protector => _protector.Value;

    public async ValueTask<SigningKeySet> AllAsync(CancellationToken cancellationToken) => (await PublishedAsync(cancellationToken)).Keys;

    public async ValueTask<ActiveKey?> ActiveForAsync(long bodyId, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var row = await (
                from key in db.SigningKeys
                join body in db.Bodies on key.BodyId equals body.Id
                where key.BodyId == bodyId && key.State == KeyState.Active
                select new { Key = key, body.Code })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            LogNoActiveKey(bodyId);
            return null;
        }

        try
        {
            var active = new ActiveKey(ParseKid(row.Key.Kid), row.Code, Decrypt(row.Key));
            LogDecrypted(row.Key.Kid, row.Code);
            return active;
        }
        catch (CryptographicException e)
        {
            LogDecryptionFailed(e, row.Key.Kid, row.Code);
            throw;
        }
    }

    /// <summary>The registry's active receipt key, decrypted for signing; null when there is none.</summary>
    public async ValueTask<ActiveKey?> ActiveReceiptKeyAsync(CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var key = await db.SigningKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.BodyId == null && k.State == KeyState.Active, cancellationToken);
        if (key is null)
        {
            return null;
        }

        try
        {
            var active = new ActiveKey(ParseKid(key.Kid), SigningKeyInfo.RegistryIssuer, Decrypt(key));
            LogDecrypted(key.Kid, SigningKeyInfo.RegistryIssuer);
            return active;
        }
        catch (CryptographicException e)
        {
            LogDecryptionFailed(e, key.Kid, SigningKeyInfo.RegistryIssuer);
            throw;
        }
    }

    /// <summary>The key set with its JWKS document, read at most every <see cref="SigningKeyOptions.RefreshInterval"/>.</summary>
    internal async ValueTask<PublishedKeys> PublishedAsync(CancellationToken cancellationToken)
    {
        var current = _published;
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        try
        {
            return await LoadAsync(cancellationToken);
        }
        catch (Exception e) when (current is not null && DatabaseFaults.IsUnavailable(e))
        {
            // The database is unreachable: scans go on with the last reading (the verdicts say their status is from memory).
            return current;
        }
    }

    /// <summary>
    /// The fingerprint (the JWKS entity tag, which covers every key's state and dates) of the reading in memory, while
    /// it is fresh; never reads the database. Cache keys carry it, so a key change makes older verdicts unreachable as
    /// soon as this instance reads the new set.
    /// </summary>
    public bool TryFreshFingerprint([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? fingerprint)
    {
        var current = _published;
        fingerprint = current is not null && IsFresh(current) ? current.ETag : null;
        return fingerprint is not null;
    }

    public void Dispose() => _loading.Dispose();

    private RegistryDbContext NewContext() => new(_contextOptions);

    private async Task<PublishedKeys> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var current = _published;
            if (current is not null && IsFresh(current))
            {
                return current;
            }

            // Read before the rows: a change committed while we read bumps the counter, so this reading is
            // stale at once and the next caller reads again.
            var generation = Interlocked.Read(ref _generation);
            await using var db = NewContext();
            var rows = await (
                    from key in db.SigningKeys
                    join body in db.Bodies on key.BodyId equals body.Id into owners
                    from owner in owners.DefaultIfEmpty()
                    orderby key.BodyId == null, owner!.Code, key.CreatedAt, key.Id
                    select new PublishedKeys.Row(key.PublicX, key.PublicY, owner == null ? null : owner.Code, key.State, key.NotBefore, key.NotAfter))
                .ToListAsync(cancellationToken);
            var loaded = PublishedKeys.Build(rows, current?.Keys, _clock.GetUtcNow(), generation);
            LogLoaded(rows.Count);
            _published = loaded;
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool IsFresh(PublishedKeys published)
    {
        var age = _clock.GetUtcNow() - published.LoadedAt;
        return published.Generation == Interlocked.Read(ref _generation) && age >= TimeSpan.Zero && age < _options.Value.RefreshInterval;
    }

    /// <summary>
    /// Every change made through the store calls this after its commit, so the next reader sees the change. The
    /// stale reading stays in place only so that the next one can reuse its unchanged key objects.
    /// </summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private ECDsa Decrypt(StoredSigningKey key)
    {
        var kid = ParseKid(key.Kid);
        var scalar = Protector.Unprotect(key.EncryptedPrivateKey, key.BodyId, kid);
        try
        {
            var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = scalar,
                Q = new ECPoint { X = key.PublicX, Y = key.PublicY },
            });

            // The ciphertext is authenticated, but a private half that does not match the published point would
            // print codes nobody can verify: check with one signature before handing the key out.
            Span<byte> probe = stackalloc byte[32];
            RandomNumberGenerator.Fill(probe);
            if (!ecdsa.VerifyHash(probe, ecdsa.SignHash(probe)))
            {
                ecdsa.Dispose();
                throw new SigningKeyDecryptionException(kid, $"The private key of signing key {kid} does not match its public key.");
            }

            return ecdsa;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    private static KeyId ParseKid(string kid) =>
        KeyId.TryParse(kid, out var id) ? id : throw new InvalidOperationException($"The stored key id '{kid}' is not a key id.");
}
