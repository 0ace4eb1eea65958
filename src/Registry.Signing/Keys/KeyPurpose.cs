namespace Registry.Signing.Keys;

/// <summary>What a published key may sign. A key signs one kind of document only, so a leaked receipt key cannot print codes and back.</summary>
public enum KeyPurpose
{
    /// <summary>A certification body's key: QR codes on certificates, plaques and marks. JWKS <c>"use": "sig"</c>.</summary>
    QrCodes,

    /// <summary>The registry's own key: verification receipts. JWKS <c>"use": "star-receipt"</c>.</summary>
    Receipts,
}
