using System.Text;

namespace Registry.Signing.Tests.TestSupport;

/// <summary>
/// Test keys derived from constant text (private scalar = SHA-256 of the name), so that the committed test
/// vectors can be re-signed by anyone reading this file. They protect nothing and must never sign real prints.
/// </summary>
public static class TestKeys
{
    public const string BodyA = "DEMO01";
    public const string BodyB = "DEMO04";

    public static ECDsa Create(string name)
    {
        var scalar = SHA256.HashData(Encoding.UTF8.GetBytes("Star Registry test key, not for production: " + name));
        return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
    }

    public static ECDsa Fresh() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static SigningKeyInfo Info(ECDsa key, string issuer = BodyA, KeyState state = KeyState.Active,
        DateOnly? notBefore = null, DateOnly? notAfter = null) =>
        SigningKeyInfo.FromPrivateKey(key, issuer, state, notBefore ?? new DateOnly(2020, 1, 1), notAfter);
}
