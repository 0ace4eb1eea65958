using System.Security.Cryptography;

namespace Registry.Signing.Keys;

/// <summary>
/// A published signing key as the verifier sees it: who owns it, what it signs, its state, and the days on
/// which it may have signed (inclusive, China calendar). A certification body's key signs QR codes; the
/// registry's own receipt key (issuer <see cref="RegistryIssuer"/>) signs verification receipts. Copies made by
/// <see cref="WithState"/> share the cached ECDsa objects, so a rotation does not rebuild them.
/// </summary>
public sealed class SigningKeyInfo
{
    /// <summary>The issuer shown for receipt keys; what makes a key a receipt key is its <see cref="Purpose"/>.</summary>
    public const string RegistryIssuer = "registry";

    private readonly VerificationKeys _verificationKeys;

    public SigningKeyInfo(ECParameters publicKey, string issuer, KeyState state, DateOnly notBefore, DateOnly? notAfter)
        : this(PublicPart(publicKey), issuer, state, notBefore, notAfter, KeyPurpose.QrCodes, verificationKeys: null)
    {
    }

    private SigningKeyInfo(ECParameters publicKey, string issuer, KeyState state, DateOnly notBefore, DateOnly? notAfter,
        KeyPurpose purpose, VerificationKeys? verificationKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);

        if (notAfter < notBefore)
        {
            throw new ArgumentException("A key's validity window cannot end before it starts.", nameof(notAfter));
        }

        PublicKey = publicKey;
        Issuer = issuer;
        State = state;
        NotBefore = notBefore;
        NotAfter = notAfter;
        Purpose = purpose;
        Id = KeyIds.ShortId(publicKey);
        _verificationKeys = verificationKeys ?? new VerificationKeys(publicKey);
    }

    public KeyId Id { get; }

    /// <summary>The certification body that owns the key (its registry code), or <see cref="RegistryIssuer"/> for a receipt key.</summary>
    public string Issuer { get; }

    public KeyPurpose Purpose { get; }

    public KeyState State { get; }

    public DateOnly NotBefore { get; }

    /// <summary>The last day the key may have signed; null while the key is open-ended.</summary>
    public DateOnly? NotAfter { get; }

    public ECParameters PublicKey { get; }

    internal ECDsa VerificationKey => _verificationKeys.Current;

    /// <summary>The registry's own key for verification receipts.</summary>
    public static SigningKeyInfo ForReceipts(ECParameters publicKey, KeyState state, DateOnly notBefore, DateOnly? notAfter) =>
        new(PublicPart(publicKey), RegistryIssuer, state, notBefore, notAfter, KeyPurpose.Receipts, verificationKeys: null);

    public static SigningKeyInfo FromPrivateKey(ECDsa key, string issuer, KeyState state, DateOnly notBefore, DateOnly? notAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SigningKeyInfo(key.ExportParameters(includePrivateParameters: false), issuer, state, notBefore, notAfter);
    }

    /// <summary>Revoked keys verify nothing; other keys verify what was signed on a day inside their window.</summary>
    public bool CoversSigningDay(DateOnly signedOn) =>
        State != KeyState.Revoked && signedOn >= NotBefore && (NotAfter is not { } last || signedOn <= last);

    public SigningKeyInfo WithState(KeyState state, DateOnly? notAfter) =>
        new(PublicKey, Issuer, state, NotBefore, notAfter, Purpose, _verificationKeys);

    /// <summary>Rotation: the key stops signing after <paramref name="lastSigningDay"/> but keeps verifying earlier prints.</summary>
    public SigningKeyInfo Retire(DateOnly lastSigningDay) =>
        WithState(KeyState.Retired, NotAfter is { } end && end < lastSigningDay ? end : lastSigningDay);

    public SigningKeyInfo Revoke() => WithState(KeyState.Revoked, NotAfter);

    public override string ToString() => $"{Id} ({Issuer}, {State})";

    private static ECParameters PublicPart(ECParameters key)
    {
        KeyIds.RequireP256(key);
        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = (byte[])key.Q.X!.Clone(), Y = (byte[])key.Q.Y!.Clone() },
        };
    }
}
