using System.Globalization;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Vectors;

/// <summary>One line of vectors.json: what a scanner read and what a verifier must answer.</summary>
public sealed record TestVector(
    string Name,
    string Description,
    string Input,
    string? EnvelopeHex,
    string Expected,
    string? Reason,
    string? Kid,
    VectorClaims? Claims);

/// <summary>Claims as plain JSON values, so that a re-implementation needs no knowledge of this code.</summary>
public sealed record VectorClaims(
    int Version,
    string CertificateNumber,
    string CreditCode,
    string Level,
    string IssuedOn,
    string ExpiresOn,
    string Medium,
    uint Serial,
    string SignedOn)
{
    public static VectorClaims From(QrClaims claims) => new(
        claims.Version,
        claims.CertificateNumber,
        claims.CreditCode,
        claims.Level,
        Day(claims.IssuedOn),
        Day(claims.ExpiresOn),
        MediumName(claims.Medium),
        claims.Serial,
        Day(claims.SignedOn));

    public static string MediumName(Medium medium) => medium switch
    {
        Registry.Signing.Claims.Medium.Certificate => "certificate",
        Registry.Signing.Claims.Medium.Plaque => "plaque",
        Registry.Signing.Claims.Medium.PackagingMark => "packaging_mark",
        _ => throw new ArgumentOutOfRangeException(nameof(medium)),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
