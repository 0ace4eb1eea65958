using Registry.Domain.Identifiers;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.TestSupport;

/// <summary>Fictional certificates shaped like the demo data.</summary>
public static class TestClaims
{
    public static readonly string CreditCodeA = Complete("91310115MA1K4DEM1");
    public static readonly string CreditCodeB = Complete("92440300MA5GDEMQ4");

    public static QrClaims Certificate(string number = "DEMO01ASS2024000123") => new(
        QrClaims.CurrentVersion,
        number,
        CreditCodeA,
        "three-star",
        new DateOnly(2024, 3, 1),
        new DateOnly(2027, 2, 28),
        Medium.Certificate,
        0,
        new DateOnly(2024, 3, 1));

    public static QrClaims Plaque(string number = "CNDEMO04SV202300025", uint serial = 17, DateOnly? signedOn = null) => new(
        QrClaims.CurrentVersion,
        number,
        CreditCodeB,
        "five-star",
        new DateOnly(2023, 7, 1),
        new DateOnly(2026, 6, 30),
        Medium.Plaque,
        serial,
        signedOn ?? new DateOnly(2024, 1, 15));

    public static string Complete(string first17) => first17 + CreditCode.CheckCharacter(first17);
}
