namespace Registry.Signing.Receipts;

/// <summary>Sizes checked before any decoding or cryptography.</summary>
public static class ReceiptLimits
{
    /// <summary>
    /// A 1,000-row check whose every row matches several certificates stays far below this (about 1 MiB); anything
    /// larger was not made by the registry.
    /// </summary>
    public const int MaxDocumentLength = 8 * 1024 * 1024;

    public const int MaxHeaderLength = 256;
}
