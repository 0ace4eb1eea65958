using System.Formats.Cbor;
using Registry.Signing.Payloads;

namespace Registry.Signing.Claims;

/// <summary>The strict reading of claims version 1; CBOR exceptions are turned into rejections by the caller.</summary>
internal static class ClaimsReader
{
    public static bool TryRead(ReadOnlyMemory<byte> encoded, out QrClaims claims, out Rejection rejection)
    {
        claims = null!;
        var reader = new CborReader(encoded, CborConformanceMode.Canonical);
        if (reader.PeekState() != CborReaderState.StartArray || reader.ReadStartArray() is not { } count || count < 1)
        {
            return Fail(out rejection, "The signed claims are not a CBOR array.");
        }

        if (!TryReadUnsigned(reader, out var version))
        {
            return Fail(out rejection, "The claims do not start with a version number.");
        }

        if (version != QrClaims.CurrentVersion)
        {
            rejection = new Rejection(NotGenuineReason.UnsupportedVersion,
                $"The claims are version {version}; this verifier reads version {QrClaims.CurrentVersion} only.");
            return false;
        }

        if (count != ClaimsCodec.FieldCount)
        {
            return Fail(out rejection, $"Version 1 claims have exactly {ClaimsCodec.FieldCount} fields, not {count}.");
        }

        if (!TryReadBytes(reader, out var packedNumber) || !CertificateNumberPacking.TryUnpack(packedNumber.Span, out var number))
        {
            return Fail(out rejection, "The certificate number field is not a packed 6 to 40 character number.");
        }

        if (!TryReadBytes(reader, out var packedCode) || !CreditCodePacking.TryUnpack(packedCode.Span, out var creditCode))
        {
            return Fail(out rejection, "The credit code field is not a packed unified social credit code.");
        }

        if (!TryReadUnsigned(reader, out var stars) || stars > int.MaxValue || LevelCodes.FromStars((int)stars) is not { } level)
        {
            return Fail(out rejection, "The level field is not a known number of stars.");
        }

        if (!TryReadUnsigned(reader, out var issuedDay) || issuedDay > DayNumbers.Max)
        {
            return Fail(out rejection, "The issue date is not a day number between 0 and 65535.");
        }

        var issuedOn = DayNumbers.ToDate((int)issuedDay);
        if (!TryReadInteger(reader, out var expiryOffset))
        {
            return Fail(out rejection, "The expiry offset is not a small integer.");
        }

        var expiresDay = DayNumbers.From(FormatExpiry.Default(issuedOn)) + expiryOffset;
        if (expiresDay < (long)issuedDay || expiresDay > DayNumbers.Max)
        {
            return Fail(out rejection, "The expiry offset gives a date before the issue date or out of range.");
        }

        if (!TryReadUnsigned(reader, out var mediumValue) || mediumValue > (ulong)Medium.PackagingMark)
        {
            return Fail(out rejection, "The medium field is not 0 (certificate), 1 (plaque) or 2 (packaging mark).");
        }

        var medium = (Medium)mediumValue;
        if (!TryReadUnsigned(reader, out var serial) || !ClaimsCodec.SerialFits(medium, serial))
        {
            return Fail(out rejection, "The serial is not 0 for a certificate, or 1 to 4294967295 for a plaque or mark.");
        }

        if (!TryReadUnsigned(reader, out var signedOffset) || signedOffset > DayNumbers.Max - issuedDay)
        {
            return Fail(out rejection, "The signing day offset is out of range.");
        }

        reader.ReadEndArray();
        if (reader.BytesRemaining != 0)
        {
            rejection = new Rejection(NotGenuineReason.TrailingData, "Bytes follow the claims array inside the signed payload.");
            return false;
        }

        claims = new QrClaims(
            (int)version,
            number,
            creditCode,
            level,
            issuedOn,
            DayNumbers.ToDate((int)expiresDay),
            medium,
            (uint)serial,
            DayNumbers.ToDate((int)(issuedDay + signedOffset)));
        rejection = default;
        return true;
    }

    private static bool TryReadUnsigned(CborReader reader, out ulong value)
    {
        value = 0;
        if (reader.PeekState() != CborReaderState.UnsignedInteger)
        {
            return false;
        }

        value = reader.ReadUInt64();
        return true;
    }

    /// <summary>Small signed integers only: anything beyond ±2^31 cannot describe a date and is refused.</summary>
    private static bool TryReadInteger(CborReader reader, out long value)
    {
        value = 0;
        var state = reader.PeekState();
        if (state is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
        {
            return false;
        }

        // Read the raw magnitude so that huge values are refused here rather than by an overflow exception.
        var magnitude = state == CborReaderState.UnsignedInteger ? reader.ReadUInt64() : reader.ReadCborNegativeIntegerRepresentation();
        if (magnitude > int.MaxValue)
        {
            return false;
        }

        value = state == CborReaderState.UnsignedInteger ? (long)magnitude : -1 - (long)magnitude;
        return true;
    }

    private static bool TryReadBytes(CborReader reader, out ReadOnlyMemory<byte> value)
    {
        value = default;
        if (reader.PeekState() != CborReaderState.ByteString)
        {
            return false;
        }

        value = reader.ReadDefiniteLengthByteString();
        return true;
    }

    private static bool Fail(out Rejection rejection, string message)
    {
        rejection = new Rejection(NotGenuineReason.Malformed, message);
        return false;
    }
}
