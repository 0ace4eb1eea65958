using Registry.Domain.Levels;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.QrCodes;

/// <summary>What a plaque or mark shows besides its QR code, taken from the registry when it is printed.</summary>
public sealed record ArtworkContent(
    string Number,
    string HolderZh,
    string? HolderEn,
    int Stars,
    string LevelZh,
    string LevelEn,
    string BodyZh,
    string BodyEn,
    Medium Medium,
    uint Serial)
{
    public static ArtworkContent From(CertificateRecord record, QrClaims claims)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(claims);
        var level = Schemes.Default.FindLevel(claims.Level)
            ?? throw new InvalidOperationException($"'{claims.Level}' is not a GB/T 27922 level.");
        return new ArtworkContent(record.Certificate.Number, record.Organisation.LegalNameZh, record.Organisation.NameEn,
            level.Stars, level.NameZh, level.NameEn, record.Body.NameZh, record.Body.NameEn, claims.Medium, claims.Serial);
    }
}
