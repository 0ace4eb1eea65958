using System.Globalization;
using System.Numerics;
using System.Security.Cryptography.Cose;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Vectors;

/// <summary>
/// Builds the test vectors from the deterministic test keys. ECDSA signatures are randomized, so running it
/// again gives other bytes with the same verdicts: the committed files are the reference, not this output.
/// </summary>
public sealed class VectorGenerator : IDisposable
{
    public const string Host = "STAR.EXAMPLE.CN";

    private readonly ECDsa _bodyA2024 = TestKeys.Create("vectors: body A, 2024");
    private readonly ECDsa _bodyA2021 = TestKeys.Create("vectors: body A, 2021");
    private readonly ECDsa _bodyACompromised = TestKeys.Create("vectors: body A, compromised");
    private readonly ECDsa _bodyB2023 = TestKeys.Create("vectors: body B, 2023");
    private readonly ECDsa _outsider = TestKeys.Create("vectors: outsider");
    private readonly List<TestVector> _vectors = [];

    public IReadOnlyList<SigningKeyInfo> PublishedKeys =>
    [
        TestKeys.Info(_bodyA2024, TestKeys.BodyA, KeyState.Active, new DateOnly(2024, 1, 1)),
        TestKeys.Info(_bodyA2021, TestKeys.BodyA, KeyState.Retired, new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)),
        TestKeys.Info(_bodyACompromised, TestKeys.BodyA, KeyState.Revoked, new DateOnly(2022, 1, 1)),
        TestKeys.Info(_bodyB2023, TestKeys.BodyB, KeyState.Active, new DateOnly(2023, 1, 1)),
    ];

    public void Dispose()
    {
        _bodyA2024.Dispose();
        _bodyA2021.Dispose();
        _bodyACompromised.Dispose();
        _bodyB2023.Dispose();
        _outsider.Dispose();
    }

    public IReadOnlyList<TestVector> Generate()
    {
        _vectors.Clear();
        var certificate = TestClaims.Certificate();
        var certificateEnvelope = Sign(_bodyA2024, certificate);
        Genuine("certificate", "A paper certificate (serial 0, default expiry) signed by body A's active key, as a verify URL.",
            VerifyUrl.Build(Host, certificateEnvelope), certificateEnvelope, certificate, _bodyA2024);

        var plaque = TestClaims.Plaque() with { ExpiresOn = new DateOnly(2026, 3, 31) };
        var plaqueEnvelope = Sign(_bodyB2023, plaque);
        Genuine("plaque-bare-payload", "Plaque number 17 with an expiry earlier than the default, signed by body B; the bare base32 payload.",
            PayloadText.Encode(plaqueEnvelope), plaqueEnvelope, plaque, _bodyB2023);

        var mark = new QrClaims(1, "DEMO01PACKAGINGMARK202405200000000000001", TestClaims.CreditCodeA, "four-star",
            new DateOnly(2024, 5, 20), new DateOnly(2027, 5, 19), Medium.PackagingMark, 1_234_567, new DateOnly(2024, 6, 1));
        var markEnvelope = Sign(_bodyA2024, mark);
        Genuine("packaging-mark-40-characters", "A packaging mark with a 40-character number (the longest allowed) and serial 1234567.",
            VerifyUrl.Build(Host, markEnvelope), markEnvelope, mark, _bodyA2024);

        var cqc = TestClaims.Certificate("CQC24701234567") with
        {
            CreditCode = TestClaims.CreditCodeB,
            Level = "compliant",
            IssuedOn = new DateOnly(2024, 8, 15),
            ExpiresOn = new DateOnly(2027, 8, 14),
            SignedOn = new DateOnly(2024, 8, 16),
        };
        var cqcEnvelope = Sign(_bodyB2023, cqc);
        Genuine("short-number-compliant", "A 14-character number at the compliant level, signed the day after issue.",
            VerifyUrl.Build(Host, cqcEnvelope), cqcEnvelope, cqc, _bodyB2023);

        Genuine("lower-case-url", "The first vector's URL in lower case, as some scanner apps show it: still genuine.",
            VerifyUrl.Build(Host, certificateEnvelope).ToLowerInvariant(), certificateEnvelope, certificate, _bodyA2024);

        var oldPrint = TestClaims.Plaque("DEMO01ASS2022000042", 3, new DateOnly(2023, 6, 1)) with
        {
            CreditCode = TestClaims.CreditCodeA,
            Level = "four-star",
            IssuedOn = new DateOnly(2022, 3, 15),
            ExpiresOn = new DateOnly(2025, 3, 14),
        };
        var oldEnvelope = Sign(_bodyA2021, oldPrint);
        Genuine("retired-key-old-print", "Signed in 2023 by a key retired at the end of 2023: prints made before rotation stay genuine.",
            VerifyUrl.Build(Host, oldEnvelope), oldEnvelope, oldPrint, _bodyA2021);

        var lateEnvelope = Sign(_bodyA2021, oldPrint with { SignedOn = new DateOnly(2024, 2, 1) });
        NotGenuine("retired-key-after-retirement", "Signed on 2024-02-01 with the key retired on 2023-12-31.",
            VerifyUrl.Build(Host, lateEnvelope), lateEnvelope, NotGenuineReason.KeyNotValidAtSigningTime);

        var earlyEnvelope = Sign(_bodyA2024, certificate with { IssuedOn = new DateOnly(2023, 11, 1), ExpiresOn = new DateOnly(2026, 10, 31), SignedOn = new DateOnly(2023, 12, 1) });
        NotGenuine("active-key-before-its-window", "Signed on 2023-12-01 with a key valid from 2024-01-01 (a back-dated print).",
            VerifyUrl.Build(Host, earlyEnvelope), earlyEnvelope, NotGenuineReason.KeyNotValidAtSigningTime);

        var revokedEnvelope = Sign(_bodyACompromised, certificate);
        NotGenuine("revoked-key", "Signed by a key that the body revoked: nothing it signed is genuine, whenever.",
            VerifyUrl.Build(Host, revokedEnvelope), revokedEnvelope, NotGenuineReason.RevokedKey);

        var outsiderEnvelope = Sign(_outsider, certificate);
        NotGenuine("unknown-key", "Signed by a key that is not in the JWKS.",
            VerifyUrl.Build(Host, outsiderEnvelope), outsiderEnvelope, NotGenuineReason.UnknownKey);

        var borrowedKid = new PayloadSigner(_bodyB2023).SignEncodedClaims(ClaimsCodec.Encode(certificate), KeyIds.ShortId(_bodyA2024));
        NotGenuine("other-key-under-this-kid", "Body B's key signed, but the envelope names body A's key id.",
            VerifyUrl.Build(Host, borrowedKid), borrowedKid, NotGenuineReason.BadSignature);

        NotGenuine("flipped-claims-byte", "The first vector with one bit of the signed issue date flipped.",
            Url(Flip(certificateEnvelope, 45)), Flip(certificateEnvelope, 45), NotGenuineReason.BadSignature);
        NotGenuine("flipped-signature-byte", "The first vector with one bit of the signature flipped.",
            Url(Flip(certificateEnvelope, certificateEnvelope.Length - 1)), Flip(certificateEnvelope, certificateEnvelope.Length - 1), NotGenuineReason.BadSignature);

        var twin = HighSTwin(certificateEnvelope);
        NotGenuine("high-s-twin", "The first vector with its signature's s replaced by n - s: a valid ECDSA signature, but the high twin; only the low-S spelling is genuine.",
            Url(twin), twin, NotGenuineReason.BadSignature);

        byte[] trailing = [.. certificateEnvelope, 0x00];
        NotGenuine("trailing-byte", "One byte (0x00) after the COSE_Sign1 array.", Url(trailing), trailing, NotGenuineReason.TrailingData);

        byte[] twoPayloads = [.. certificateEnvelope, .. plaqueEnvelope];
        NotGenuine("two-payloads", "Two genuine envelopes back to back: larger than any genuine code.", Url(twoPayloads), twoPayloads, NotGenuineReason.TooLarge);
        NotGenuine("second-payload-in-path", "A second payload as another path segment of the URL.",
            VerifyUrl.Build(Host, certificateEnvelope) + "/" + PayloadText.Encode(plaqueEnvelope), null, NotGenuineReason.BadUrl);

        var truncated = certificateEnvelope[..^10];
        NotGenuine("truncated", "The first vector without its last 10 bytes (truncated CBOR).", Url(truncated), truncated, NotGenuineReason.Malformed);

        byte[] tagged = [0xD2, .. certificateEnvelope];
        NotGenuine("tagged-cose-sign1", "The first vector with the COSE_Sign1 tag 18 in front: this format uses the untagged form only.",
            Url(tagged), tagged, NotGenuineReason.Malformed);

        var text = PayloadText.Encode(certificateEnvelope);
        NotGenuine("base32-padding", "The payload with RFC 4648 padding characters.", text + "====", null, NotGenuineReason.BadEncoding);
        NotGenuine("base32-invalid-character", "The payload with its 10th character replaced by '1', which base32 does not use.",
            string.Concat(text.AsSpan(0, 9), "1", text.AsSpan(10)), null, NotGenuineReason.BadEncoding);
        NotGenuine("oversized", "A 300-character payload, refused before decoding.", "HTTPS://" + Host + "/V/" + new string('A', 300), null, NotGenuineReason.TooLarge);
        NotGenuine("http-scheme", "The first vector's URL with http instead of https.",
            "HTTP://" + VerifyUrl.Build(Host, certificateEnvelope)["HTTPS://".Length..], null, NotGenuineReason.BadUrl);
        NotGenuine("query-string", "The first vector's URL with a query string appended.",
            VerifyUrl.Build(Host, certificateEnvelope) + "?SRC=1", null, NotGenuineReason.BadUrl);

        var version2 = new PayloadSigner(_bodyA2024).SignEncodedClaims([0x82, 0x02, 0x00], KeyIds.ShortId(_bodyA2024));
        NotGenuine("claims-version-2", "Correctly signed claims [2, 0]: a version this verifier does not read.",
            Url(version2), version2, NotGenuineReason.UnsupportedVersion);

        byte[] nonCanonical = [.. ClaimsCodec.Encode(certificate)[..^1], 0x18, 0x00];
        var nonCanonicalEnvelope = new PayloadSigner(_bodyA2024).SignEncodedClaims(nonCanonical, KeyIds.ShortId(_bodyA2024));
        NotGenuine("non-canonical-claims", "Correctly signed claims whose last integer (0) is written in two bytes (18 00).",
            Url(nonCanonicalEnvelope), nonCanonicalEnvelope, NotGenuineReason.Malformed);

        var unprotectedKid = SignWithUnprotectedKid(_bodyA2024, ClaimsCodec.Encode(certificate));
        NotGenuine("kid-in-unprotected-header", "A valid COSE_Sign1 signed by body A, but with the key id in the unprotected header.",
            Url(unprotectedKid), unprotectedKid, NotGenuineReason.Malformed);

        return [.. _vectors];
    }

    private static byte[] Sign(ECDsa key, QrClaims claims) => new PayloadSigner(key).Sign(claims);

    private static string Url(byte[] envelope) => "HTTPS://" + Host + "/V/" + PayloadText.Encode(envelope);

    /// <summary>The envelope with its signature (r, s) replaced by (r, n − s), which ECDSA verifies just the same.</summary>
    public static byte[] HighSTwin(byte[] envelope)
    {
        var order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var s = new BigInteger(envelope.AsSpan(envelope.Length - 32), isUnsigned: true, isBigEndian: true);
        var copy = (byte[])envelope.Clone();
        (order - s).TryWriteBytes(copy.AsSpan(copy.Length - 32), out var written, isUnsigned: true, isBigEndian: true).ShouldBeTrue();
        written.ShouldBe(32, "n - s of a low s is above n/2, so it fills 32 bytes");
        return copy;
    }

    private static byte[] Flip(byte[] envelope, int position)
    {
        var copy = (byte[])envelope.Clone();
        copy[position] ^= 0x01;
        return copy;
    }

    private static byte[] SignWithUnprotectedKid(ECDsa key, byte[] claims)
    {
        var unprotectedHeaders = new CoseHeaderMap { { CoseHeaderLabel.KeyIdentifier, KeyIds.ShortId(key).ToBytes() } };
        var signer = new CoseSigner(key, HashAlgorithmName.SHA256, new CoseHeaderMap(), unprotectedHeaders);
        return CoseSign1Message.SignEmbedded(claims, signer)[1..];
    }

    private void Genuine(string name, string description, string input, byte[] envelope, QrClaims claims, ECDsa key) =>
        _vectors.Add(new TestVector(name, description, input, Convert.ToHexString(envelope), "GENUINE", null,
            KeyIds.ShortId(key).ToString(), VectorClaims.From(claims)));

    private void NotGenuine(string name, string description, string input, byte[]? envelope, NotGenuineReason reason) =>
        _vectors.Add(new TestVector(name, description, input, envelope is null ? null : Convert.ToHexString(envelope), "NOT_GENUINE",
            reason.Code(), null, null));
}
