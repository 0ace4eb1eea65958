using System.Security.Cryptography.Cose;

namespace Registry.Signing.Tests.Payloads;

public sealed class TamperingTests : IDisposable
{
    private readonly ECDsa _key = TestKeys.Create("tampering");
    private readonly PayloadVerifier _verifier;
    private readonly byte[] _envelope;

    public TamperingTests()
    {
        _verifier = new PayloadVerifier(new SigningKeySet([TestKeys.Info(_key)]).Find);
        _envelope = new PayloadSigner(_key).Sign(TestClaims.Plaque());
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Every_other_value_at_every_byte_position_is_not_genuine()
    {
        _verifier.Verify(_envelope).IsGenuine.ShouldBeTrue();
        var failures = new List<string>();
        var tampered = new byte[_envelope.Length];
        for (var position = 0; position < _envelope.Length; position++)
        {
            for (var value = 0; value < 256; value++)
            {
                if (value == _envelope[position])
                {
                    continue;
                }

                _envelope.CopyTo(tampered, 0);
                tampered[position] = (byte)value;
                var result = _verifier.Verify(tampered);
                if (result.IsGenuine)
                {
                    failures.Add($"byte {position} = 0x{value:X2}");
                }

                // Where the layout held and only the signature failed, the COSE library must agree.
                if (result is NotGenuine { Reason: NotGenuineReason.BadSignature } && CoseAccepts(tampered))
                {
                    failures.Add($"byte {position} = 0x{value:X2}: the COSE library accepts what the verifier refused");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Every_other_character_at_every_position_of_the_text_is_not_genuine()
    {
        var text = PayloadText.Encode(_envelope);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var failures = new List<string>();
        for (var position = 0; position < text.Length; position++)
        {
            foreach (var c in alphabet)
            {
                if (c == text[position])
                {
                    continue;
                }

                var tampered = string.Concat(text.AsSpan(0, position), c.ToString(), text.AsSpan(position + 1));
                if (_verifier.VerifyScanned(tampered).IsGenuine)
                {
                    failures.Add($"character {position} = {c}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0xF6 })]
    [InlineData(new byte[] { 0x84 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF })]
    public void Trailing_bytes_are_never_ignored(byte[] trailing)
    {
        Reason(_verifier.Verify((byte[])[.. _envelope, .. trailing])).ShouldBe(NotGenuineReason.TrailingData);
    }

    [Fact]
    public void Two_concatenated_payloads_are_not_genuine()
    {
        // Two envelopes exceed the size limit, so they are refused before any parsing.
        Reason(_verifier.Verify((byte[])[.. _envelope, .. _envelope])).ShouldBe(NotGenuineReason.TooLarge);
        Reason(_verifier.Verify((byte[])[.. _envelope, .. _envelope[..20]])).ShouldBe(NotGenuineReason.TrailingData);

        var text = PayloadText.Encode(_envelope);
        _verifier.VerifyScanned(text + text).IsGenuine.ShouldBeFalse();
        _verifier.VerifyScanned(VerifyUrl.Build("star.example.cn", _envelope) + "/" + text).IsGenuine.ShouldBeFalse();
    }

    [Fact]
    public void Every_truncation_is_not_genuine()
    {
        for (var length = 0; length < _envelope.Length; length++)
        {
            Reason(_verifier.Verify(_envelope.AsMemory(0, length))).ShouldBe(NotGenuineReason.Malformed, $"{length} bytes");
        }
    }

    [Fact]
    public void Every_truncation_of_the_text_is_not_genuine()
    {
        var text = PayloadText.Encode(_envelope);
        for (var length = 0; length < text.Length; length++)
        {
            _verifier.VerifyScanned(text[..length]).IsGenuine.ShouldBeFalse($"{length} characters");
        }
    }

    [Fact]
    public void The_tagged_form_is_refused_so_that_a_code_has_one_spelling() =>
        Reason(_verifier.Verify((byte[])[0xD2, .. _envelope])).ShouldBe(NotGenuineReason.Malformed);

    [Fact]
    public void The_key_id_cannot_be_moved_to_the_unprotected_header()
    {
        // [h'a10126', {4: kid}, payload, signature]: a valid COSE_Sign1 layout, but not this format's.
        var kid = KeyIds.ShortId(_key).ToBytes();
        byte[] moved = [0x84, 0x43, 0xA1, 0x01, 0x26, 0xA1, 0x04, 0x44, .. kid, .. _envelope[12..]];

        Reason(_verifier.Verify(moved)).ShouldBe(NotGenuineReason.Malformed);
    }

    [Fact]
    public void The_COSE_library_accepts_the_envelope_the_verifier_accepts() => CoseAccepts(_envelope).ShouldBeTrue();

    private bool CoseAccepts(byte[] envelope)
    {
        try
        {
            return CoseMessage.DecodeSign1(envelope).VerifyEmbedded(_key);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static NotGenuineReason Reason(VerificationResult result) => result.ShouldBeOfType<NotGenuine>().Reason;
}
