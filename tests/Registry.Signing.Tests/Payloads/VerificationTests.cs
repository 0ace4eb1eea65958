using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Payloads;

public sealed class VerificationTests : IDisposable
{
    private readonly ECDsa _bodyAKey = TestKeys.Create("verification a");
    private readonly ECDsa _bodyBKey = TestKeys.Create("verification b");
    private readonly SigningKeySet _keys;

    public VerificationTests() =>
        _keys = new SigningKeySet([TestKeys.Info(_bodyAKey), TestKeys.Info(_bodyBKey, TestKeys.BodyB)]);

    public void Dispose()
    {
        _bodyAKey.Dispose();
        _bodyBKey.Dispose();
    }

    [Fact]
    public void A_signed_payload_verifies_as_genuine_with_its_claims_and_key()
    {
        var claims = TestClaims.Plaque();
        var envelope = new PayloadSigner(_bodyAKey).Sign(claims);

        var result = new PayloadVerifier(_keys.Find).Verify(envelope);

        var genuine = result.ShouldBeOfType<Genuine>();
        genuine.Claims.ShouldBe(claims);
        genuine.Key.Issuer.ShouldBe(TestKeys.BodyA);
        genuine.Key.Id.ShouldBe(KeyIds.ShortId(_bodyAKey));
    }

    [Fact]
    public void A_scanned_url_verifies_like_its_bytes()
    {
        var envelope = new PayloadSigner(_bodyAKey).Sign(TestClaims.Certificate());
        var url = VerifyUrl.Build("star.example.cn", envelope);
        var verifier = new PayloadVerifier(_keys.Find);

        verifier.VerifyScanned(url, "STAR.EXAMPLE.CN").IsGenuine.ShouldBeTrue();
        verifier.VerifyScanned(url.ToLowerInvariant()).IsGenuine.ShouldBeTrue();
        verifier.VerifyScanned(PayloadText.Encode(envelope)).IsGenuine.ShouldBeTrue();
    }

    [Fact]
    public void The_envelope_is_the_documented_untagged_COSE_Sign1()
    {
        var signer = new PayloadSigner(_bodyAKey);
        var claims = ClaimsCodec.Encode(TestClaims.Certificate());
        var envelope = signer.Sign(TestClaims.Certificate());
        var kid = signer.KeyId.ToBytes();

        byte[] expectedHead = [0x84, 0x49, 0xA2, 0x01, 0x26, 0x04, 0x44, .. kid, 0xA0, 0x58, (byte)claims.Length, .. claims, 0x58, 0x40];
        envelope[..expectedHead.Length].ShouldBe(expectedHead);
        envelope.Length.ShouldBe(expectedHead.Length + 64);
    }

    [Fact]
    public void A_payload_signed_by_another_bodys_key_is_not_genuine_for_this_body()
    {
        var envelope = new PayloadSigner(_bodyBKey).Sign(TestClaims.Certificate());

        var result = new PayloadVerifier(_keys.Find).Verify(envelope).ForIssuer(TestKeys.BodyA);

        result.ShouldBeOfType<NotGenuine>().Reason.ShouldBe(NotGenuineReason.WrongIssuer);
    }

    [Fact]
    public void The_issuer_check_keeps_a_genuine_result_of_the_right_body()
    {
        var envelope = new PayloadSigner(_bodyAKey).Sign(TestClaims.Certificate());

        new PayloadVerifier(_keys.Find).Verify(envelope).ForIssuer(TestKeys.BodyA).IsGenuine.ShouldBeTrue();
    }

    [Fact]
    public void A_key_that_is_not_published_is_unknown()
    {
        using var stranger = TestKeys.Fresh();
        var envelope = new PayloadSigner(stranger).Sign(TestClaims.Certificate());

        Reason(new PayloadVerifier(_keys.Find).Verify(envelope)).ShouldBe(NotGenuineReason.UnknownKey);
    }

    [Fact]
    public void Another_bodys_key_with_this_bodys_key_id_has_a_bad_signature()
    {
        var envelope = new PayloadSigner(_bodyBKey).SignEncodedClaims(
            ClaimsCodec.Encode(TestClaims.Certificate()), KeyIds.ShortId(_bodyAKey));

        Reason(new PayloadVerifier(_keys.Find).Verify(envelope)).ShouldBe(NotGenuineReason.BadSignature);
    }

    [Fact]
    public void A_revoked_key_verifies_nothing()
    {
        var envelope = new PayloadSigner(_bodyAKey).Sign(TestClaims.Certificate());
        var revoked = new SigningKeySet([TestKeys.Info(_bodyAKey).Revoke()]);

        Reason(new PayloadVerifier(revoked.Find).Verify(envelope)).ShouldBe(NotGenuineReason.RevokedKey);
    }

    [Fact]
    public void A_resolver_that_answers_with_another_key_does_not_make_a_payload_genuine()
    {
        var envelope = new PayloadSigner(_bodyAKey).Sign(TestClaims.Certificate());
        var confused = TestKeys.Info(_bodyBKey);

        Reason(new PayloadVerifier(_ => confused).Verify(envelope)).ShouldBe(NotGenuineReason.UnknownKey);
    }

    [Fact]
    public void A_correctly_signed_newer_version_is_unsupported()
    {
        var envelope = new PayloadSigner(_bodyAKey).SignEncodedClaims([0x82, 0x02, 0x00], KeyIds.ShortId(_bodyAKey));

        Reason(new PayloadVerifier(_keys.Find).Verify(envelope)).ShouldBe(NotGenuineReason.UnsupportedVersion);
    }

    [Fact]
    public void Correctly_signed_malformed_claims_are_malformed()
    {
        var claims = ClaimsCodec.Encode(TestClaims.Certificate());
        claims[^1] = 0x18; // not canonical: a one-byte integer header with no byte to follow
        var envelope = new PayloadSigner(_bodyAKey).SignEncodedClaims(claims, KeyIds.ShortId(_bodyAKey));

        Reason(new PayloadVerifier(_keys.Find).Verify(envelope)).ShouldBe(NotGenuineReason.Malformed);
    }

    [Fact]
    public void Verification_is_safe_on_many_threads()
    {
        var envelope = new PayloadSigner(_bodyAKey).Sign(TestClaims.Plaque());
        var verifier = new PayloadVerifier(_keys.Find);

        Parallel.For(0, 2_000, _ => verifier.Verify(envelope).IsGenuine.ShouldBeTrue());
    }

    private static NotGenuineReason Reason(VerificationResult result) => result.ShouldBeOfType<NotGenuine>().Reason;
}
