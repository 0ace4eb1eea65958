using System.Numerics;
using Registry.Domain.Identifiers;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Claims;

public class PackingTests
{
    [Theory]
    [InlineData("000000")]
    [InlineData("000001")]
    [InlineData("100000")]
    [InlineData("ZZZZZZ")]
    [InlineData("DEMO01ASS2024000123")]
    [InlineData("CNDEMO04SV202300025")]
    [InlineData("CQC24701234567")]
    [InlineData("0000000000000000000000000000000000000000")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    public void Certificate_numbers_round_trip_and_keep_leading_zeros(string number)
    {
        var packed = CertificateNumberPacking.Pack(number);

        packed[0].ShouldNotBe((byte)0);
        packed.Length.ShouldBeLessThanOrEqualTo(CertificateNumberPacking.MaxBytes);
        packed.ShouldBe(IndependentBijectiveBase36(number));
        CertificateNumberPacking.TryUnpack(packed, out var unpacked).ShouldBeTrue();
        unpacked.ShouldBe(number);
    }

    [Fact]
    public void Random_numbers_of_every_length_round_trip()
    {
        var random = new Random(27922);
        const string chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var length = CertificateNumber.MinNormalizedLength; length <= CertificateNumber.MaxNormalizedLength; length++)
        {
            for (var i = 0; i < 50; i++)
            {
                var number = new string([.. Enumerable.Range(0, length).Select(_ => chars[random.Next(chars.Length)])]);
                CertificateNumberPacking.TryUnpack(CertificateNumberPacking.Pack(number), out var unpacked).ShouldBeTrue();
                unpacked.ShouldBe(number);
            }
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("00FF", "leading zero byte")]
    [InlineData("01", "too short a number")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "41 characters")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "27 bytes")]
    public void Impossible_packed_numbers_are_refused(string hex, string what) =>
        CertificateNumberPacking.TryUnpack(Convert.FromHexString(hex), out _).ShouldBeFalse(what);

    [Fact]
    public void Credit_codes_pack_into_eleven_bytes_without_the_check_character()
    {
        var packed = CreditCodePacking.Pack(TestClaims.CreditCodeA);

        packed.Length.ShouldBe(11);
        CreditCodePacking.TryUnpack(packed, out var code).ShouldBeTrue();
        code.ShouldBe(TestClaims.CreditCodeA);
    }

    [Theory]
    [InlineData(10, 0x00, "ten bytes")]
    [InlineData(12, 0x00, "twelve bytes")]
    [InlineData(11, 0xFF, "beyond 31^17")]
    public void Impossible_packed_credit_codes_are_refused(int length, byte fill, string what)
    {
        var bytes = Enumerable.Repeat(fill, length).ToArray();

        CreditCodePacking.TryUnpack(bytes, out _).ShouldBeFalse(what);
    }

    [Fact]
    public void A_letter_in_the_division_code_is_refused()
    {
        // "91A10115…": position 3 is a letter, which the base-31 packing could carry but GB 32100 forbids.
        var packed = Base31("91A10115MA1K4DEM1");

        CreditCodePacking.TryUnpack(packed, out _).ShouldBeFalse();
    }

    private static byte[] IndependentBijectiveBase36(string number)
    {
        var value = BigInteger.Zero;
        foreach (var c in number)
        {
            value = (value * 36) + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".IndexOf(c, StringComparison.Ordinal) + 1;
        }

        return value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private static byte[] Base31(string first17)
    {
        var value = BigInteger.Zero;
        foreach (var c in first17)
        {
            value = (value * 31) + "0123456789ABCDEFGHJKLMNPQRTUWXY".IndexOf(c, StringComparison.Ordinal);
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[11 - bytes.Length], .. bytes];
    }
}
