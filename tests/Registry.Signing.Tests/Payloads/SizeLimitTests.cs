namespace Registry.Signing.Tests.Payloads;

public sealed class SizeLimitTests : IDisposable
{
    private readonly ECDsa _key = TestKeys.Create("limits");
    private readonly CountingResolver _resolver;
    private readonly PayloadVerifier _verifier;

    public SizeLimitTests()
    {
        _resolver = new CountingResolver(TestKeys.Info(_key));
        _verifier = new PayloadVerifier(_resolver.Find);
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Ten_kilobytes_are_refused_before_any_key_or_signature_is_touched()
    {
        var genuine = new PayloadSigner(_key).Sign(TestClaims.Plaque());
        var huge = new byte[10 * 1024];
        genuine.CopyTo(huge, 0);

        var bytes = _verifier.Verify(huge).ShouldBeOfType<NotGenuine>();
        var text = _verifier.VerifyScanned(PayloadText.Encode(huge)).ShouldBeOfType<NotGenuine>();
        var url = _verifier.VerifyScanned("HTTPS://STAR.EXAMPLE.CN/V/" + PayloadText.Encode(huge)).ShouldBeOfType<NotGenuine>();

        bytes.Reason.ShouldBe(NotGenuineReason.TooLarge);
        text.Reason.ShouldBe(NotGenuineReason.TooLarge);
        url.Reason.ShouldBe(NotGenuineReason.TooLarge);
        bytes.Message.ShouldContain("160");
        _resolver.Calls.ShouldBe(0);
    }

    [Fact]
    public void One_byte_over_the_limit_is_too_large()
    {
        _verifier.Verify(new byte[PayloadLimits.MaxEnvelopeBytes + 1]).ShouldBeOfType<NotGenuine>().Reason.ShouldBe(NotGenuineReason.TooLarge);
        _verifier.Verify(new byte[PayloadLimits.MaxEnvelopeBytes]).ShouldBeOfType<NotGenuine>().Reason.ShouldBe(NotGenuineReason.Malformed);
        _resolver.Calls.ShouldBe(0);
    }

    [Fact]
    public void Malformed_envelopes_never_reach_the_resolver()
    {
        byte[][] malformed =
        [
            [],
            [0x80],
            [0x84, 0x40, 0xA0, 0x40, 0x40],
            [0xA0],
            [0x9F, 0xFF],
        ];

        foreach (var bytes in malformed)
        {
            _verifier.Verify(bytes).IsGenuine.ShouldBeFalse();
        }

        _resolver.Calls.ShouldBe(0);
    }

    [Fact]
    public void The_largest_envelope_the_format_can_produce_fits_the_limit()
    {
        var claims = TestClaims.Certificate(new string('Z', 40)) with
        {
            Medium = Registry.Signing.Claims.Medium.PackagingMark,
            Serial = uint.MaxValue,
            IssuedOn = new DateOnly(2100, 1, 1),
            ExpiresOn = new DateOnly(2179, 6, 6),
            SignedOn = new DateOnly(2179, 6, 6),
        };

        var envelope = new PayloadSigner(_key).Sign(claims);

        envelope.Length.ShouldBe(138);
        envelope.Length.ShouldBeLessThanOrEqualTo(PayloadLimits.MaxEnvelopeBytes);
        PayloadText.Encode(envelope).Length.ShouldBeLessThanOrEqualTo(PayloadLimits.MaxPayloadTextLength);
    }
}
