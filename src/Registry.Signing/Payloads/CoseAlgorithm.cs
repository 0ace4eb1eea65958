namespace Registry.Signing.Payloads;

/// <summary>COSE algorithm identifiers (IANA "COSE Algorithms" registry) used by this format.</summary>
internal enum CoseAlgorithm
{
    /// <summary>ECDSA with SHA-256 on P-256, signature as r || s (64 bytes).</summary>
    ES256 = -7,
}
