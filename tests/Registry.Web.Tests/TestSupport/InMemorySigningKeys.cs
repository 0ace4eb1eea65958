using System.Security.Cryptography;
using Registry.Domain.Certificates;
using Registry.Signing.Claims;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// ISigningKeys over P-256 keys held in memory, and QR serials counted in memory, so that verification and printing can be tested without the
/// key store (and its encryption key). Counts key-set loads, so a test can prove input was refused first.
/// </summary>
public sealed class InMemorySigningKeys : ISigningKeys, IQrSerials
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _keys = [];
    private readonly Dictionary<(long CertificateId, Medium Medium), int> _serials = [];
    private int _loads;

    public int KeySetLoads => Volatile.Read(ref _loads);

    /// <summary>A new key for <paramref name="body"/>; active and open-ended unless told otherwise.</summary>
    public KeyId Add(CertificationBody body, KeyState state = KeyState.Active, DateOnly? notBefore = null, DateOnly? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var info = SigningKeyInfo.FromPrivateKey(key, body.Code, state, notBefore ?? new DateOnly(2000, 1, 1), notAfter);
        lock (_gate)
        {
            _keys.Add(new Entry(key.ExportParameters(includePrivateParameters: true), info, body.Id));
        }

        return info.Id;
    }

    public void Revoke(KeyId id) => Replace(id, info => info.Revoke());

    public void Retire(KeyId id, DateOnly lastSigningDay) => Replace(id, info => info.Retire(lastSigningDay));

    /// <summary>A signer for a registered key (dispose it).</summary>
    public SignerLease Signer(KeyId id)
    {
        lock (_gate)
        {
            return new SignerLease(ECDsa.Create(_keys.Single(k => k.Info.Id == id).PrivateKey));
        }
    }

    public ValueTask<SigningKeySet> AllAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        lock (_gate)
        {
            return ValueTask.FromResult(new SigningKeySet(_keys.Select(k => k.Info)));
        }
    }

    public ValueTask<ActiveKey?> ActiveForAsync(long bodyId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entry = _keys.LastOrDefault(k => k.BodyId == bodyId && k.Info.State == KeyState.Active);
            return ValueTask.FromResult(entry is null ? null : new ActiveKey(entry.Info.Id, entry.Info.Issuer, ECDsa.Create(entry.PrivateKey)));
        }
    }

    public Task<IReadOnlyList<int>> AllocateAsync(long certificateId, Medium medium, int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var last = _serials.GetValueOrDefault((certificateId, medium));
            _serials[(certificateId, medium)] = last + count;
            return Task.FromResult<IReadOnlyList<int>>([.. Enumerable.Range(last + 1, count)]);
        }
    }

    private void Replace(KeyId id, Func<SigningKeyInfo, SigningKeyInfo> change)
    {
        lock (_gate)
        {
            var index = _keys.FindIndex(k => k.Info.Id == id);
            _keys[index] = _keys[index] with { Info = change(_keys[index].Info) };
        }
    }

    private sealed record Entry(ECParameters PrivateKey, SigningKeyInfo Info, long BodyId);
}

/// <summary>A PayloadSigner with the ECDsa object it signs with, disposed together.</summary>
public sealed class SignerLease(ECDsa key) : IDisposable
{
    public PayloadSigner Signer { get; } = new(key);

    public ECDsa Key => key;

    public byte[] Sign(QrClaims claims) => Signer.Sign(claims);

    public void Dispose() => key.Dispose();
}
