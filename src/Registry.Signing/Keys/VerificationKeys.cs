using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Registry.Signing.Keys;

/// <summary>
/// The ECDsa objects of one public key, built once per thread and reused. .NET does not promise that a single
/// ECDsa instance may verify on several threads at once, and building one per verification would cost about
/// as much as the verification itself.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "Key sets are swapped while scans are in flight; disposing would break those scans. ThreadLocal and ECDsa free themselves when collected.")]
internal sealed class VerificationKeys
{
    private readonly ECParameters _publicKey;
    private readonly ThreadLocal<ECDsa> _perThread;

    public VerificationKeys(ECParameters publicKey)
    {
        _publicKey = publicKey;

        // Importing validates that the point lies on the curve, so a bad key fails here and not at a scan.
        ECDsa.Create(publicKey).Dispose();
        _perThread = new ThreadLocal<ECDsa>(() => ECDsa.Create(_publicKey), trackAllValues: false);
    }

    public ECDsa Current => _perThread.Value!;
}
