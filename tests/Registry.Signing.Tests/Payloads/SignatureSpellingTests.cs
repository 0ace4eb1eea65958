using System.Globalization;
using System.Numerics;
using Registry.Signing.Tests.Vectors;

namespace Registry.Signing.Tests.Payloads;

/// <summary>
/// One spelling per code: ECDSA accepts (r, s) and (r, n − s) alike, so the signer publishes the low form and the
/// verifier refuses the high twin. Randomized signatures come out high half of the time, so many are signed.
/// </summary>
public sealed class SignatureSpellingTests : IDisposable
{
    private static readonly BigInteger HalfOrder =
        BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 2;

    private readonly ECDsa _key = TestKeys.Create("signature spelling");
    private readonly PayloadVerifier _verifier;

    public SignatureSpellingTests()
    {
        _verifier = new PayloadVerifier(new SigningKeySet([TestKeys.Info(_key)]).Find);
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Every_signature_the_signer_makes_has_a_low_s()
    {
        var signer = new PayloadSigner(_key);
        for (var i = 0; i < 200; i++)
        {
            var envelope = signer.Sign(TestClaims.Plaque() with { Serial = (uint)(i + 1) });
            S(envelope).ShouldBeLessThanOrEqualTo(HalfOrder, $"signature {i}");
            _verifier.Verify(envelope).IsGenuine.ShouldBeTrue();
        }
    }

    [Fact]
    public void The_high_twin_of_a_genuine_code_is_a_valid_ecdsa_signature_yet_not_genuine()
    {
        var envelope = new PayloadSigner(_key).Sign(TestClaims.Certificate());
        var twin = VectorGenerator.HighSTwin(envelope);

        // The twin is what an attacker can make from any printed code without a key: ECDSA itself accepts it.
        var signature = twin.AsSpan(twin.Length - 64).ToArray();
        S(twin).ShouldBeGreaterThan(HalfOrder);
        _key.VerifyData(SigStructure(envelope), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();

        var result = _verifier.Verify(twin).ShouldBeOfType<NotGenuine>();
        result.Code.ShouldBe("BAD_SIGNATURE");
        result.Message.ShouldContain("low-S");
    }

    private static BigInteger S(byte[] envelope) => new(envelope.AsSpan(envelope.Length - 32), isUnsigned: true, isBigEndian: true);

    /// <summary>["Signature1", protected, h'', payload] as README section 2 writes it, from the envelope's own bytes.</summary>
    private static byte[] SigStructure(byte[] envelope)
    {
        var reader = new System.Formats.Cbor.CborReader(envelope, System.Formats.Cbor.CborConformanceMode.Canonical);
        reader.ReadStartArray();
        var protectedHeader = reader.ReadByteString();
        reader.ReadStartMap();
        reader.ReadEndMap();
        var payload = reader.ReadByteString();
        var writer = new System.Formats.Cbor.CborWriter(System.Formats.Cbor.CborConformanceMode.Canonical);
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedHeader);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }
}
