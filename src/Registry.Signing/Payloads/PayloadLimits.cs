namespace Registry.Signing.Payloads;

/// <summary>
/// Size limits checked before any decoding or cryptography. The largest envelope version 1 can produce is
/// 138 bytes (a 40-character number, a four-byte serial, extreme dates), so the limits leave some room and
/// nothing more.
/// </summary>
public static class PayloadLimits
{
    public const int MaxEnvelopeBytes = 160;

    /// <summary>Base32 of <see cref="MaxEnvelopeBytes"/>: 160 × 8 / 5.</summary>
    public const int MaxPayloadTextLength = 256;

    /// <summary>A whole scanned URL: scheme, host, "/V/" and the payload.</summary>
    public const int MaxScannedTextLength = 512;
}
