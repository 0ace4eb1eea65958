using System.Formats.Cbor;
using Registry.Signing.Payloads;

namespace Registry.Signing.Claims;

/// <summary>
/// Claims version 1 on the wire: a canonical CBOR array of nine items in a fixed order (see README.md).
/// Positions instead of map keys save a byte per field, and since a version-1 reader must refuse any field
/// it does not know, keys would buy no extensibility: a new field means a new version.
/// </summary>
public static class ClaimsCodec
{
    public const int FieldCount = 9;

    public static byte[] Encode(QrClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Version != QrClaims.CurrentVersion)
        {
            throw new ArgumentException($"Only claims version {QrClaims.CurrentVersion} can be written.", nameof(claims));
        }

        if (!LevelCodes.TryGetStars(claims.Level, out var stars))
        {
            throw new ArgumentException($"'{claims.Level}' is not a GB/T 27922 level code.", nameof(claims));
        }

        var issued = DayNumbers.From(claims.IssuedOn);
        var expires = DayNumbers.From(claims.ExpiresOn);
        var signed = DayNumbers.From(claims.SignedOn);
        if (!DayNumbers.IsInRange(issued) || !DayNumbers.IsInRange(expires) || !DayNumbers.IsInRange(signed))
        {
            throw new ArgumentException($"Dates must lie between {DayNumbers.Epoch:yyyy-MM-dd} and {DayNumbers.Last:yyyy-MM-dd}.", nameof(claims));
        }

        if (expires < issued)
        {
            throw new ArgumentException("A certificate cannot expire before it is issued.", nameof(claims));
        }

        if (signed < issued)
        {
            throw new ArgumentException("A print cannot be signed before its certificate is issued.", nameof(claims));
        }

        if (!SerialFits(claims.Medium, claims.Serial))
        {
            throw new ArgumentException("A paper certificate has serial 0; a plaque or packaging mark has serial 1 or more.", nameof(claims));
        }

        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartArray(FieldCount);
        writer.WriteInt32(claims.Version);
        writer.WriteByteString(CertificateNumberPacking.Pack(claims.CertificateNumber));
        writer.WriteByteString(CreditCodePacking.Pack(claims.CreditCode));
        writer.WriteInt32(stars);
        writer.WriteInt32(issued);
        writer.WriteInt32(expires - DayNumbers.From(FormatExpiry.Default(claims.IssuedOn)));
        writer.WriteInt32((int)claims.Medium);
        writer.WriteUInt32(claims.Serial);
        writer.WriteInt32(signed - issued);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>Decodes signed claims; never throws, whatever the bytes.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> encoded, out QrClaims claims, out Rejection rejection)
    {
        try
        {
            return ClaimsReader.TryRead(encoded, out claims, out rejection);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException)
        {
            // The reader refuses truncated items, non-minimal integers and indefinite lengths by throwing.
            claims = null!;
            rejection = new Rejection(NotGenuineReason.Malformed, $"The signed claims are not canonical CBOR: {e.Message}");
            return false;
        }
    }

    internal static bool SerialFits(Medium medium, ulong serial) => medium switch
    {
        Medium.Certificate => serial == 0,
        Medium.Plaque or Medium.PackagingMark => serial is >= 1 and <= uint.MaxValue,
        _ => false,
    };
}
