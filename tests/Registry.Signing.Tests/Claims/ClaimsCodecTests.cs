using System.Formats.Cbor;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Claims;

public class ClaimsCodecTests
{
    public static TheoryData<QrClaims> Examples => new()
    {
        TestClaims.Certificate(),
        TestClaims.Plaque(),
        TestClaims.Plaque(serial: uint.MaxValue),
        TestClaims.Certificate("CQC24701234567") with { Level = "compliant", ExpiresOn = new DateOnly(2025, 12, 31) },
        TestClaims.Certificate(new string('Z', 40)) with { Level = "four-star", Medium = Medium.PackagingMark, Serial = 1_000_000 },
        TestClaims.Certificate("000001") with { IssuedOn = DayNumbers.Epoch, ExpiresOn = DayNumbers.Epoch, SignedOn = DayNumbers.Epoch },
        TestClaims.Certificate("999999") with { IssuedOn = DayNumbers.Last, ExpiresOn = DayNumbers.Last, SignedOn = DayNumbers.Last },
        TestClaims.Certificate() with { IssuedOn = new DateOnly(2024, 2, 29), ExpiresOn = new DateOnly(2027, 2, 28) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Claims_survive_a_round_trip(QrClaims claims)
    {
        var encoded = ClaimsCodec.Encode(claims);

        ClaimsCodec.TryDecode(encoded, out var decoded, out var rejection).ShouldBeTrue(rejection.Message);
        decoded.ShouldBe(claims);
    }

    [Fact]
    public void The_encoding_is_the_documented_array()
    {
        var encoded = ClaimsCodec.Encode(TestClaims.Certificate());

        // 89 = array(9); 01 = version; 4D… = 13-byte number; 4B… = 11-byte credit code; 03 = three stars;
        // 19 227A = day 8826 (2024-03-01); 00 = default expiry; 00 = certificate; 00 = serial; 00 = signed on issue day.
        var hex = Convert.ToHexString(encoded);
        hex.ShouldStartWith("89014D");
        hex.ShouldEndWith("0319227A00000000");
        encoded.Length.ShouldBe(36);
    }

    [Fact]
    public void A_non_default_expiry_is_an_offset_from_the_default()
    {
        var claims = TestClaims.Certificate() with { ExpiresOn = new DateOnly(2027, 2, 18) };

        Convert.ToHexString(ClaimsCodec.Encode(claims)).ShouldEndWith("0319227A29000000"); // 29 = −10
    }

    [Theory]
    [InlineData("dem001")]
    [InlineData("DEMO-01")]
    [InlineData("ABC12")]
    public void Only_normalized_numbers_can_be_encoded(string number) =>
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(TestClaims.Certificate(number)));

    [Fact]
    public void Encoding_refuses_claims_the_format_cannot_carry()
    {
        var claims = TestClaims.Certificate();

        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { Version = 2 }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { Level = "six-star" }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { CreditCode = "91310115MA1K4DEM10" }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { ExpiresOn = claims.IssuedOn.AddDays(-1) }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { SignedOn = claims.IssuedOn.AddDays(-1) }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { IssuedOn = new DateOnly(1999, 12, 31) }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { Serial = 1 }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { Medium = Medium.Plaque, Serial = 0 }));
        Should.Throw<ArgumentException>(() => ClaimsCodec.Encode(claims with { Medium = (Medium)3, Serial = 1 }));
    }

    public static TheoryData<string, string, NotGenuineReason> BadClaims => new()
    {
        { "empty", "", NotGenuineReason.Malformed },
        { "a map", "A0", NotGenuineReason.Malformed },
        { "version 2", "8202" + "00", NotGenuineReason.UnsupportedVersion },
        { "version as text", "896131", NotGenuineReason.Malformed },
        { "eight fields", "8801", NotGenuineReason.Malformed },
        { "indefinite array", "9F01FF", NotGenuineReason.Malformed },
        { "non-minimal version", "891801", NotGenuineReason.Malformed },
        { "truncated", "89014D", NotGenuineReason.Malformed },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public void Decoding_refuses_malformed_claims(string what, string hex, NotGenuineReason reason)
    {
        ClaimsCodec.TryDecode(Convert.FromHexString(hex), out _, out var rejection).ShouldBeFalse(what);
        rejection.Reason.ShouldBe(reason, what);
        rejection.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Decoding_refuses_trailing_bytes_inside_the_payload()
    {
        var encoded = ClaimsCodec.Encode(TestClaims.Certificate());

        ClaimsCodec.TryDecode((byte[])[.. encoded, 0x00], out _, out var rejection).ShouldBeFalse();
        rejection.Reason.ShouldBe(NotGenuineReason.TrailingData);
    }

    [Theory]
    [InlineData(0, "nothing wrong", true)]
    [InlineData(1, "level 1 star", false)]
    [InlineData(2, "issue day beyond 65535", false)]
    [InlineData(3, "expiry before issue", false)]
    [InlineData(4, "medium 3", false)]
    [InlineData(5, "serial 1 on a certificate", false)]
    [InlineData(6, "a tenth field", false)]
    [InlineData(7, "number as text", false)]
    [InlineData(8, "signing offset that wraps around 2^64", false)]
    public void Decoding_checks_every_field(int variant, string what, bool accepted)
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartArray(variant == 6 ? 10 : 9);
        writer.WriteInt32(1);
        if (variant == 7)
        {
            writer.WriteTextString("DEMO01ASS2024000123");
        }
        else
        {
            writer.WriteByteString(CertificateNumberPacking.Pack("DEMO01ASS2024000123"));
        }

        writer.WriteByteString(CreditCodePacking.Pack(TestClaims.CreditCodeA));
        writer.WriteInt32(variant == 1 ? 1 : 3);
        writer.WriteInt32(variant == 2 ? 65536 : 8486);
        writer.WriteInt32(variant == 3 ? -1100 : 0);
        writer.WriteInt32(variant == 4 ? 3 : 0);
        writer.WriteInt32(variant == 5 ? 1 : 0);
        writer.WriteUInt64(variant == 8 ? ulong.MaxValue - 8000 : 0);
        if (variant == 6)
        {
            writer.WriteInt32(0);
        }

        writer.WriteEndArray();

        ClaimsCodec.TryDecode(writer.Encode(), out _, out var rejection).ShouldBe(accepted, what);
        if (!accepted)
        {
            rejection.Reason.ShouldBe(NotGenuineReason.Malformed, what);
        }
    }
}
