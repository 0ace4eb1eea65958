using System.Security.Cryptography;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// The key-encryption key of this test run: random per process, so that no KEK is ever committed, and shared,
/// so that a key created by one store in a test opens in any other store or site of the same run.
/// </summary>
public static class TestKek
{
    public static string Base64 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SigningKeyOptions.KeyEncryptionKeyLength));

    public static byte[] Bytes => Convert.FromBase64String(Base64);
}
