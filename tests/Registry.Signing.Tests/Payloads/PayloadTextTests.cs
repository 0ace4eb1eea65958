using System.Text;

namespace Registry.Signing.Tests.Payloads;

public class PayloadTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encoding_follows_RFC_4648_without_padding(string text, string base32) =>
        PayloadText.Encode(Encoding.ASCII.GetBytes(text)).ShouldBe(base32);

    [Theory]
    [InlineData("MZXW6YTBOI", "foobar")]
    [InlineData("mzxw6ytboi", "foobar")]
    [InlineData("MzXw6YtBoI", "foobar")]
    [InlineData("MY", "f")]
    public void Decoding_accepts_either_letter_case(string base32, string text)
    {
        PayloadText.TryDecode(base32, out var bytes, out _).ShouldBeTrue();
        Encoding.ASCII.GetString(bytes).ShouldBe(text);
    }

    [Theory]
    [InlineData("MZXW6YTBOI======", "padding")]
    [InlineData("MZXW6YTB OI", "space")]
    [InlineData("MZXW6YTBOI\n", "newline")]
    [InlineData("MZXW6YTB0I", "digit 0")]
    [InlineData("MZXW6YTB1I", "digit 1")]
    [InlineData("MZXW6YTB8I", "digit 8")]
    [InlineData("MZXW6YTBOJ", "stray low bits in the last character")]
    [InlineData("MZ", "stray low bits")]
    [InlineData("M", "one character")]
    [InlineData("MZX", "three characters")]
    [InlineData("MZXW6Y", "six characters")]
    [InlineData("", "empty")]
    [InlineData(null, "null")]
    [InlineData("ＭＺＸＷ６ＹＴＢＯＩ", "full-width")]
    public void Decoding_refuses_everything_else(string? base32, string what)
    {
        PayloadText.TryDecode(base32, out _, out var rejection).ShouldBeFalse(what);
        rejection.Reason.ShouldBe(NotGenuineReason.BadEncoding, what);
    }

    [Fact]
    public void Long_texts_are_refused_as_too_large_before_decoding()
    {
        PayloadText.TryDecode(new string('A', PayloadLimits.MaxPayloadTextLength + 1), out _, out var rejection).ShouldBeFalse();
        rejection.Reason.ShouldBe(NotGenuineReason.TooLarge);
    }

    [Fact]
    public void Every_byte_string_round_trips()
    {
        var random = new Random(4648);
        for (var length = 1; length <= PayloadLimits.MaxEnvelopeBytes; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var text = PayloadText.Encode(bytes);

            text.ShouldAllBe(c => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".Contains(c, StringComparison.Ordinal));
            PayloadText.TryDecode(text, out var decoded, out _).ShouldBeTrue();
            decoded.ShouldBe(bytes);
        }
    }
}
