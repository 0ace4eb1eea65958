namespace Registry.Signing.Claims;

/// <summary>
/// What a printed QR code asserts, exactly as signed. The registry adds everything else (names, scope, live
/// status) when the code is scanned.
/// </summary>
/// <param name="Version">Format version; only <see cref="CurrentVersion"/> is written or accepted.</param>
/// <param name="CertificateNumber">The normalized number (A–Z, 0–9, 6 to 40 characters).</param>
/// <param name="CreditCode">The holder's 18-character unified social credit code.</param>
/// <param name="Level">A GB/T 27922 level code: compliant, three-star, four-star or five-star.</param>
/// <param name="Serial">0 on a paper certificate; 1 or more, one per plaque or mark printed.</param>
/// <param name="SignedOn">The China calendar day the print was signed; keys are valid per day.</param>
public sealed record QrClaims(
    int Version,
    string CertificateNumber,
    string CreditCode,
    string Level,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    Medium Medium,
    uint Serial,
    DateOnly SignedOn)
{
    public const int CurrentVersion = 1;
}
