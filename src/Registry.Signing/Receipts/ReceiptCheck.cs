using Registry.Signing.Keys;
using Registry.Signing.Payloads;

namespace Registry.Signing.Receipts;

/// <summary>
/// GENUINE means the registry's receipt key, published in its JWKS, signed exactly these claims on a day it was
/// allowed to sign. The reason codes are those of the QR format (<see cref="NotGenuineReasons"/>).
/// </summary>
public abstract record ReceiptCheck
{
    private protected ReceiptCheck()
    {
    }

    public abstract bool IsGenuine { get; }
}

public sealed record GenuineReceipt(ReceiptClaims Claims, SigningKeyInfo Key) : ReceiptCheck
{
    public override bool IsGenuine => true;
}

public sealed record NotGenuineReceipt(NotGenuineReason Reason, string Message) : ReceiptCheck
{
    public override bool IsGenuine => false;

    public string Code => Reason.Code();
}
