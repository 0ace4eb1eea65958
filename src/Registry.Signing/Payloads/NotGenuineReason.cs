namespace Registry.Signing.Payloads;

/// <summary>Why a scanned code is NOT GENUINE. <see cref="NotGenuineReasons.Code"/> gives the stable wire name.</summary>
public enum NotGenuineReason
{
    /// <summary>The scanned text is longer than any genuine code; refused before decoding or cryptography.</summary>
    TooLarge,

    /// <summary>The text is not a registry verify URL (wrong scheme, wrong host, extra path, query or fragment).</summary>
    BadUrl,

    /// <summary>The payload is not strict base32 (bad characters, padding, impossible length, stray bits).</summary>
    BadEncoding,

    /// <summary>The bytes are not the one COSE_Sign1 layout this format allows, or the claims break a rule.</summary>
    Malformed,

    /// <summary>Bytes follow the signed structure: a second payload or anything else is never ignored.</summary>
    TrailingData,

    /// <summary>No published key has this key id.</summary>
    UnknownKey,

    /// <summary>The key was revoked: nothing it signed verifies any more.</summary>
    RevokedKey,

    /// <summary>The signature does not match the key and the signed bytes.</summary>
    BadSignature,

    /// <summary>Signed correctly, but with a claims version this verifier does not know.</summary>
    UnsupportedVersion,

    /// <summary>The signing day lies outside the key's validity window.</summary>
    KeyNotValidAtSigningTime,

    /// <summary>The key belongs to another certification body than the one the registry expects.</summary>
    WrongIssuer,
}
