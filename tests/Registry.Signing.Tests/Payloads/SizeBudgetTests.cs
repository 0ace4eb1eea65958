using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Payloads;

/// <summary>
/// The QR budget: version 10 at error correction Q holds 221 alphanumeric characters. These are the sizes
/// quoted in README.md; if the format changes, the table there must change with them.
/// </summary>
public sealed class SizeBudgetTests(ITestOutputHelper output) : IDisposable
{
    private const int Version10QAlphanumeric = 221;
    private const string Host = "STAR.EXAMPLE.CN";

    private readonly ECDsa _key = TestKeys.Create("budget");

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData("DEMO01ASS2024000123", Medium.Certificate, 0u, 36, 116, 186, 212)]
    [InlineData("DEMO01ASS2024000123", Medium.Plaque, 17u, 36, 116, 186, 212)]
    [InlineData("CNDEMO04SV202300025", Medium.Plaque, 1234u, 38, 118, 189, 215)]
    [InlineData("CQC24701234567", Medium.Certificate, 0u, 32, 112, 180, 206)]
    [InlineData("CQC24701234567", Medium.PackagingMark, 1_000_000u, 36, 116, 186, 212)]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", Medium.Certificate, 0u, 50, 130, 208, 234)]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", Medium.PackagingMark, 1_000_000u, 54, 134, 215, 241)]
    public void Sizes_for_realistic_numbers(string number, Medium medium, uint serial, int claimsBytes, int envelopeBytes, int base32Chars, int urlChars)
    {
        var claims = TestClaims.Certificate(number) with { Medium = medium, Serial = serial, SignedOn = new DateOnly(2024, 3, 20) };

        var envelope = new PayloadSigner(_key).Sign(claims);
        var url = VerifyUrl.Build(Host, envelope);
        output.WriteLine($"{number,-40} {medium,-13} serial {serial,9}: claims {ClaimsCodec.Encode(claims).Length} B, envelope {envelope.Length} B, base32 {PayloadText.Encode(envelope).Length}, URL {url.Length}");

        ClaimsCodec.Encode(claims).Length.ShouldBe(claimsBytes);
        envelope.Length.ShouldBe(envelopeBytes);
        PayloadText.Encode(envelope).Length.ShouldBe(base32Chars);
        url.Length.ShouldBe(urlChars);
        (url.Length <= Version10QAlphanumeric).ShouldBe(number.Length < 40);
    }
}
