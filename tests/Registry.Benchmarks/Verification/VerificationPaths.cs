using Microsoft.Extensions.DependencyInjection;
using Registry.Signing.Payloads;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Benchmarks.Verification;

/// <summary>
/// The three ways of answering a scan that the benchmark compares, each rotating through the signed codes:
/// the signature alone (no registry), the site's path (signature, then the certificate cache), and the obvious
/// alternative (signature, then a fresh PostgreSQL read per scan).
/// </summary>
public sealed class VerificationPaths(VerificationHost host)
{
    public const string SignatureOnly = "decode + signature only (public keys cached)";
    public const string Cached = "decode + signature + status from the certificate cache (the site)";
    public const string Postgres = "decode + signature + status read from PostgreSQL per scan";

    private int _next;

    public IReadOnlyList<string> Names { get; } = [SignatureOnly, Cached, Postgres];

    public async Task<bool> RunAsync(string path, CancellationToken cancellationToken)
    {
        var code = host.Codes[(int)((uint)Interlocked.Increment(ref _next) % (uint)host.Codes.Count)];
        if (path == SignatureOnly)
        {
            var keys = await host.Services.GetRequiredService<ISigningKeys>().AllAsync(cancellationToken);
            return new PayloadVerifier(keys.Find).VerifyScanned(code) is Genuine;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var verifier = host.Verifier(scope, path == Cached
            ? sp => sp.GetRequiredService<CachedCertificateRecords>()
            : sp => sp.GetRequiredService<CertificateQueries>());
        var verdict = await verifier.VerifyAsync(code, cancellationToken);
        return verdict.Kind == VerdictKind.GenuineValid;
    }
}
