using System.Buffers.Text;
using System.Formats.Cbor;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Registry.Signing.Tests.Vectors;

/// <summary>
/// A second verifier written from the steps in src/Registry.Signing/README.md only, with nothing from the
/// library: JSON, a CBOR reader, BigInteger and ECDSA. It shows that the README is enough to re-implement
/// the format; the vectors must give the same answers here and in the library.
/// </summary>
public static class IndependentVerifier
{
    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Gb32100 = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly string[] Levels = ["compliant", null!, null!, "three-star", "four-star", "five-star"];
    private static readonly string[] Media = ["certificate", "plaque", "packaging_mark"];
    private static readonly DateOnly Epoch = new(2000, 1, 1);

    public static (string Verdict, VectorClaims? Claims) Verify(string input, string jwksJson)
    {
        try
        {
            return Run(input, jwksJson);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
        {
            return ("MALFORMED", null);
        }
    }

    private static (string, VectorClaims?) Run(string input, string jwksJson)
    {
        // Step 1: the scanned text.
        if (input.Length > 512)
        {
            return ("TOO_LARGE", null);
        }

        var payload = input;
        if (input.Contains("://", StringComparison.Ordinal))
        {
            if (!input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return ("BAD_URL", null);
            }

            var slash = input.IndexOf('/', 8);
            if (slash < 0 || !input[slash..].StartsWith("/v/", StringComparison.OrdinalIgnoreCase))
            {
                return ("BAD_URL", null);
            }

            payload = input[(slash + 3)..];
            if (payload.IndexOfAny(['/', '?', '#']) >= 0)
            {
                return ("BAD_URL", null);
            }
        }

        // Step 2: base32.
        if (payload.Length == 0)
        {
            return ("BAD_ENCODING", null);
        }

        if (payload.Length > 256)
        {
            return ("TOO_LARGE", null);
        }

        var bits = new StringBuilder();
        foreach (var ch in payload)
        {
            var value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(char.IsAsciiLetterLower(ch) ? (char)(ch - 32) : ch, StringComparison.Ordinal);
            if (value < 0)
            {
                return ("BAD_ENCODING", null);
            }

            bits.Append(Convert.ToString(value, 2).PadLeft(5, '0'));
        }

        var whole = bits.Length / 8 * 8;
        if (bits.Length - whole >= 5 || bits.ToString(whole, bits.Length - whole).Contains('1', StringComparison.Ordinal))
        {
            return ("BAD_ENCODING", null);
        }

        var envelope = Enumerable.Range(0, whole / 8).Select(i => Convert.ToByte(bits.ToString(i * 8, 8), 2)).ToArray();

        // Step 3: the COSE_Sign1 layout.
        if (envelope.Length > 160)
        {
            return ("TOO_LARGE", null);
        }

        if (envelope.Length == 0 || envelope[0] == 0xD2)
        {
            return ("MALFORMED", null);
        }

        var reader = new CborReader(envelope, CborConformanceMode.Canonical);
        if (reader.ReadStartArray() != 4)
        {
            return ("MALFORMED", null);
        }

        var protectedHeader = reader.ReadByteString();
        if (protectedHeader.Length != 9 || !protectedHeader.AsSpan(0, 5).SequenceEqual(new byte[] { 0xA2, 0x01, 0x26, 0x04, 0x44 }))
        {
            return ("MALFORMED", null);
        }

        if (reader.ReadStartMap() != 0)
        {
            return ("MALFORMED", null);
        }

        reader.ReadEndMap();
        var claims = reader.ReadByteString();
        var signature = reader.ReadByteString();
        if (signature.Length != 64)
        {
            return ("MALFORMED", null);
        }

        reader.ReadEndArray();
        if (reader.BytesRemaining > 0)
        {
            return ("TRAILING_DATA", null);
        }

        // Step 4: the key.
        var kid = Base64Url.EncodeToString(protectedHeader.AsSpan(5));
        using var jwks = JsonDocument.Parse(jwksJson);
        var jwk = jwks.RootElement.GetProperty("keys").EnumerateArray().FirstOrDefault(k => k.GetProperty("kid").GetString() == kid);
        if (jwk.ValueKind == JsonValueKind.Undefined)
        {
            return ("UNKNOWN_KEY", null);
        }

        if (jwk.GetProperty("star_state").GetString() == "revoked")
        {
            return ("REVOKED_KEY", null);
        }

        // Step 5: s in its low form (at most n/2), then the signature over Sig_structure = ["Signature1", protected, h'', payload].
        var halfOrder = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 2;
        if (new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true) > halfOrder)
        {
            return ("BAD_SIGNATURE", null);
        }

        var structure = new CborWriter(CborConformanceMode.Canonical);
        structure.WriteStartArray(4);
        structure.WriteTextString("Signature1");
        structure.WriteByteString(protectedHeader);
        structure.WriteByteString([]);
        structure.WriteByteString(claims);
        structure.WriteEndArray();
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()),
                Y = Base64Url.DecodeFromChars(jwk.GetProperty("y").GetString()),
            },
        });
        if (!key.VerifyData(structure.Encode(), signature, HashAlgorithmName.SHA256))
        {
            return ("BAD_SIGNATURE", null);
        }

        // Step 6: the claims.
        var c = new CborReader(claims, CborConformanceMode.Canonical);
        var count = c.ReadStartArray();
        if (c.PeekState() != CborReaderState.UnsignedInteger)
        {
            return ("MALFORMED", null);
        }

        if (c.ReadUInt64() != 1)
        {
            return ("UNSUPPORTED_VERSION", null);
        }

        if (count != 9)
        {
            return ("MALFORMED", null);
        }

        var number = BijectiveBase36(c.ReadByteString());
        var creditCode = CreditCode(c.ReadByteString());
        var stars = c.ReadUInt64();
        var issued = c.ReadUInt64();
        var expiryOffset = c.ReadInt64();
        var medium = c.ReadUInt64();
        var serial = c.ReadUInt64();
        var signedOffset = c.ReadUInt64();
        c.ReadEndArray();
        if (c.BytesRemaining > 0)
        {
            return ("TRAILING_DATA", null);
        }

        var issuedOn = Epoch.AddDays((int)issued);
        var expiresOn = DefaultExpiry(issuedOn).AddDays((int)expiryOffset);
        var signedOn = issuedOn.AddDays((int)signedOffset);
        if (number is null || creditCode is null || stars >= (ulong)Levels.Length || Levels[stars] is null || issued > 65535
            || expiresOn < issuedOn || expiresOn > Epoch.AddDays(65535) || signedOn > Epoch.AddDays(65535)
            || medium > 2 || (medium == 0) != (serial == 0) || serial > uint.MaxValue)
        {
            return ("MALFORMED", null);
        }

        // Step 7: the key's window.
        var notBefore = DateOnly.Parse(jwk.GetProperty("star_not_before").GetString()!, null);
        var notAfter = jwk.TryGetProperty("star_not_after", out var end) ? DateOnly.Parse(end.GetString()!, null) : DateOnly.MaxValue;
        if (signedOn < notBefore || signedOn > notAfter)
        {
            return ("KEY_NOT_VALID_AT_SIGNING_TIME", null);
        }

        return ("GENUINE", new VectorClaims(1, number, creditCode, Levels[stars], Day(issuedOn), Day(expiresOn), Media[medium], (uint)serial, Day(signedOn)));
    }

    private static string? BijectiveBase36(byte[] packed)
    {
        if (packed.Length == 0 || packed[0] == 0)
        {
            return null;
        }

        var value = new BigInteger(packed, isUnsigned: true, isBigEndian: true);
        var text = new StringBuilder();
        while (value > 0)
        {
            var digit = (int)(value % 36);
            if (digit == 0)
            {
                digit = 36;
            }

            text.Insert(0, Base36[digit - 1]);
            value = (value - digit) / 36;
        }

        return text.Length is >= 6 and <= 40 ? text.ToString() : null;
    }

    private static string? CreditCode(byte[] packed)
    {
        if (packed.Length != 11)
        {
            return null;
        }

        var value = new BigInteger(packed, isUnsigned: true, isBigEndian: true);
        var chars = new char[17];
        for (var i = 16; i >= 0; i--)
        {
            chars[i] = Gb32100[(int)(value % 31)];
            value /= 31;
        }

        var code = new string(chars);
        if (value != 0 || !code.Substring(2, 6).All(char.IsAsciiDigit))
        {
            return null;
        }

        var sum = code.Select((ch, i) => Gb32100.IndexOf(ch, StringComparison.Ordinal) * Weights[i]).Sum();
        return code + Gb32100[(31 - (sum % 31)) % 31];
    }

    private static DateOnly DefaultExpiry(DateOnly issued) =>
        (issued.Month == 2 && issued.Day == 29 ? new DateOnly(issued.Year + 3, 3, 1) : issued.AddYears(3)).AddDays(-1);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
