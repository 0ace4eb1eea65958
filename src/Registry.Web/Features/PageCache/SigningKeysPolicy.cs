using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Registry.Signing.Keys;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// For answers that also depend on the signing keys (a QR verdict, a body's key list): the key adds a fingerprint of
/// the key set this instance verifies with, so a rotation or a revocation, which comes without an outbox message,
/// makes older entries unreachable as soon as the instance reads the new set (the same moment an uncached answer
/// would change). The fingerprint is computed once per set the store loads.
/// </summary>
internal sealed class SigningKeysPolicy(ISigningKeys keys) : IOutputCachePolicy
{
    public const string VaryKey = "keys";

    private static readonly ConditionalWeakTable<SigningKeySet, string> Fingerprints = [];

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.AllowCacheLookup && !context.AllowCacheStorage)
        {
            return;
        }

        var set = await keys.AllAsync(cancellation);
        context.CacheVaryByRules.VaryByValues[VaryKey] = Fingerprints.GetValue(set, Fingerprint);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    private static string Fingerprint(SigningKeySet set)
    {
        var text = string.Join('\n', set.Keys.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Id}|{k.Issuer}|{k.State}|{k.NotBefore:yyyy-MM-dd}|{k.NotAfter:yyyy-MM-dd}")));
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}
