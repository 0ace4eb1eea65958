using System.Security.Cryptography;

namespace Registry.Web.Features.SigningKeys;

/// <summary>Draws new key pairs. An interface so that tests can force a key id collision and watch the store draw again.</summary>
public interface ISigningKeyGenerator
{
    /// <summary>A new ECDSA P-256 key pair; the caller disposes it.</summary>
    ECDsa Generate();
}

internal sealed class P256KeyGenerator : ISigningKeyGenerator
{
    public ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);
}
