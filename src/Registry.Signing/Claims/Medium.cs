namespace Registry.Signing.Claims;

/// <summary>What the QR code is printed on. The numbers are the wire values and never change.</summary>
public enum Medium
{
    Certificate = 0,
    Plaque = 1,
    PackagingMark = 2,
}
