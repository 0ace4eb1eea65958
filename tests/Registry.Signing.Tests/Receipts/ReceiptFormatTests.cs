using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Registry.Signing.Receipts;

namespace Registry.Signing.Tests.Receipts;

public sealed class ReceiptFormatTests
{
    private static readonly ECDsa ReceiptKey = TestKeys.Create("receipts");
    private static readonly SigningKeyInfo ReceiptKeyInfo = TestReceipts.KeyInfo(ReceiptKey);

    [Fact]
    public void A_signed_receipt_verifies_and_gives_back_exactly_its_claims()
    {
        var claims = TestReceipts.Claims();

        var document = new ReceiptSigner(ReceiptKey).Sign(claims);

        var check = new ReceiptVerifier(TestReceipts.Resolver(ReceiptKeyInfo)).Verify(document);
        var genuine = check.ShouldBeOfType<GenuineReceipt>((check as NotGenuineReceipt)?.Message);
        genuine.Key.ShouldBeSameAs(ReceiptKeyInfo);
        genuine.Claims.Id.ShouldBe(claims.Id);
        genuine.Claims.AsOf.ShouldBe(claims.AsOf);
        genuine.Claims.Rows.Count.ShouldBe(2);
        genuine.Claims.Rows[0].Certificates[0].ShouldBe(claims.Rows[0].Certificates[0]);
        genuine.Claims.Rows[1].Concerns.ShouldBe(["NOT_FOUND"]);
        genuine.Claims.CertificateNumbers().ShouldBe(["DEMO01-ASS-2024-000123"]);
    }

    [Fact]
    public void The_document_is_a_compact_jws_with_the_fixed_header_and_readable_json_claims()
    {
        var document = new ReceiptSigner(ReceiptKey).Sign(TestReceipts.Claims());

        var parts = document.Split('.');
        parts.Length.ShouldBe(3);
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).ShouldBe($$"""{"alg":"ES256","kid":"{{ReceiptKeyInfo.Id}}","typ":"star-receipt"}""");
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        claims.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
        claims.RootElement.GetProperty("asOf").GetString().ShouldBe("2026-12-03T02:30:15.123+00:00");
        claims.RootElement.GetProperty("rows")[0].GetProperty("certificates")[0].GetProperty("expiresOn").GetString().ShouldBe("2027-02-28");
        Base64Url.DecodeFromChars(parts[2]).Length.ShouldBe(64);

        // Any JOSE library checks it as a plain ES256 JWS.
        ReceiptKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();
    }

    [Fact]
    public void Changing_any_character_of_the_claims_makes_it_not_genuine()
    {
        var document = new ReceiptSigner(ReceiptKey).Sign(TestReceipts.Claims());
        var verifier = new ReceiptVerifier(TestReceipts.Resolver(ReceiptKeyInfo));
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(document.Split('.')[1]));
        var parts = document.Split('.');

        foreach (var (from, to) in new[] { ("\"VALID\"", "\"WITHDRAWN\""), ("2027-02-28", "2029-02-28"), ("five-star", "four-star"), ("\"row\":2", "\"row\":3") })
        {
            var altered = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.Replace(from, to, StringComparison.Ordinal))) + "." + parts[2];
            verifier.Verify(altered).ShouldBeOfType<NotGenuineReceipt>().Code.ShouldBe("BAD_SIGNATURE", from);
        }

        for (var i = 0; i < document.Length; i += 7)
        {
            if (document[i] == '.')
            {
                continue;
            }

            var flipped = document[..i] + (document[i] == 'A' ? 'B' : 'A') + document[(i + 1)..];
            verifier.Verify(flipped).IsGenuine.ShouldBeFalse($"character {i} changed");
        }
    }

    [Fact]
    public void Only_the_registrys_receipt_key_signs_receipts_and_only_while_it_may()
    {
        var claims = TestReceipts.Claims();
        var document = new ReceiptSigner(ReceiptKey).Sign(claims);
        var asBodyKey = TestKeys.Info(ReceiptKey);

        Code(document, asBodyKey).ShouldBe("UNKNOWN_KEY", "a body's QR key, even with the same public key, does not sign receipts");
        Code(document).ShouldBe("UNKNOWN_KEY");
        Code(document, ReceiptKeyInfo.Revoke()).ShouldBe("REVOKED_KEY");
        Code(document, TestReceipts.KeyInfo(ReceiptKey, notBefore: new DateOnly(2026, 12, 4))).ShouldBe("KEY_NOT_VALID_AT_SIGNING_TIME");
        Code(document, ReceiptKeyInfo.Retire(new DateOnly(2026, 12, 2))).ShouldBe("KEY_NOT_VALID_AT_SIGNING_TIME");

        // 02:30 UTC is 10:30 in China: the day the window is kept in.
        new ReceiptVerifier(TestReceipts.Resolver(ReceiptKeyInfo.Retire(new DateOnly(2026, 12, 3)))).Verify(document).IsGenuine
            .ShouldBeTrue("a rotated key keeps vouching for what it signed");
        var lateEvening = new ReceiptSigner(ReceiptKey).Sign(TestReceipts.Claims(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero)));
        Code(lateEvening, ReceiptKeyInfo.Retire(new DateOnly(2026, 12, 3))).ShouldBe("KEY_NOT_VALID_AT_SIGNING_TIME", "17:00 UTC is already 4 December in China");
    }

    [Fact]
    public void A_receipt_key_does_not_sign_qr_codes()
    {
        var envelope = new PayloadSigner(ReceiptKey).Sign(TestClaims.Certificate());

        var result = new PayloadVerifier(TestReceipts.Resolver(ReceiptKeyInfo)).Verify(envelope);

        result.ShouldBeOfType<NotGenuine>().Code.ShouldBe("UNKNOWN_KEY");
    }

    [Fact]
    public void The_high_s_twin_of_a_signature_is_refused()
    {
        var document = new ReceiptSigner(ReceiptKey).Sign(TestReceipts.Claims());
        var parts = document.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        var order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var twin = new System.Numerics.BigInteger(order, isUnsigned: true, isBigEndian: true) - s;
        var twinBytes = twin.ToByteArray(isUnsigned: true, isBigEndian: true);
        var high = signature[..32].Concat(new byte[32 - twinBytes.Length]).Concat(twinBytes).ToArray();
        ReceiptKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), high, HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue("the twin is a valid ECDSA signature");

        Code(parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(high), ReceiptKeyInfo).ShouldBe("BAD_SIGNATURE");
    }

    [Theory]
    [InlineData("", "MALFORMED")]
    [InlineData("abc", "MALFORMED")]
    [InlineData("a.b", "MALFORMED")]
    [InlineData("a.b.c.d", "MALFORMED")]
    [InlineData("..", "MALFORMED")]
    [InlineData("e30.e30.AAAA", "MALFORMED")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.", "MALFORMED")]
    public void Documents_that_are_not_receipts_are_malformed(string document, string code) =>
        Code(document, ReceiptKeyInfo).ShouldBe(code);

    [Theory]
    [InlineData("""{"alg":"none","kid":"KID","typ":"star-receipt"}""")]
    [InlineData("""{"alg":"ES256","kid":"KID"}""")]
    [InlineData("""{"alg":"ES256","kid":"KID","typ":"JWT"}""")]
    [InlineData("""{"alg":"ES256","kid":"KID","typ":"star-receipt","crit":["b64"]}""")]
    [InlineData("""{"alg":"ES256","kid":"KID","kid":"KID","typ":"star-receipt"}""")]
    [InlineData("""{"alg":"ES256","kid":"not-a-kid","typ":"star-receipt"}""")]
    public void Any_other_header_is_refused_before_the_key_is_looked_up(string header)
    {
        var document = new ReceiptSigner(ReceiptKey).Sign(TestReceipts.Claims());
        var parts = document.Split('.');
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.Replace("KID", ReceiptKeyInfo.Id.ToString(), StringComparison.Ordinal)))
            + "." + parts[1] + "." + parts[2];

        var resolver = new CountingResolver(ReceiptKeyInfo);
        new ReceiptVerifier(resolver.Find).Verify(forged).ShouldBeOfType<NotGenuineReceipt>().Code.ShouldBe("MALFORMED");
        resolver.Calls.ShouldBe(0);
    }

    [Fact]
    public void Signed_claims_that_break_version_1_are_refused_after_the_signature()
    {
        var signer = new ReceiptSigner(ReceiptKey);
        var valid = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(signer.Sign(TestReceipts.Claims()).Split('.')[1]));

        Code(signer.SignEncodedClaims(Encoding.UTF8.GetBytes(valid.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal))), ReceiptKeyInfo)
            .ShouldBe("UNSUPPORTED_VERSION");
        Code(signer.SignEncodedClaims(Encoding.UTF8.GetBytes(valid.Replace("\"kind\":", "\"extra\":1,\"kind\":", StringComparison.Ordinal))), ReceiptKeyInfo)
            .ShouldBe("MALFORMED", "an unknown member");
        Code(signer.SignEncodedClaims(Encoding.UTF8.GetBytes(valid.Replace("\"kind\":\"check\"", "\"kind\":\"opinion\"", StringComparison.Ordinal))), ReceiptKeyInfo)
            .ShouldBe("MALFORMED", "an unknown kind");
        Code(signer.SignEncodedClaims(Encoding.UTF8.GetBytes(valid.Replace("\"registry\":\"Star Registry (test)\",", "", StringComparison.Ordinal))), ReceiptKeyInfo)
            .ShouldBe("MALFORMED", "a missing member");
        Code(signer.SignEncodedClaims(Encoding.UTF8.GetBytes(valid.Replace("\"registry\":\"Star Registry (test)\"", "\"registry\":null", StringComparison.Ordinal))), ReceiptKeyInfo)
            .ShouldBe("MALFORMED", "a null where the format has none");
        Code(signer.SignEncodedClaims("[]"u8), ReceiptKeyInfo).ShouldBe("MALFORMED");
        Code(signer.SignEncodedClaims("not json"u8), ReceiptKeyInfo).ShouldBe("MALFORMED");
        Code(signer.SignEncodedClaims(Encoding.UTF8.GetBytes(valid[..^1] + ",\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaa\"}")), ReceiptKeyInfo)
            .ShouldBe("MALFORMED", "a duplicate member");
    }

    [Fact]
    public void Oversized_documents_are_refused_before_any_work()
    {
        var resolver = new CountingResolver(ReceiptKeyInfo);

        new ReceiptVerifier(resolver.Find).Verify(new string('A', ReceiptLimits.MaxDocumentLength + 1))
            .ShouldBeOfType<NotGenuineReceipt>().Code.ShouldBe("TOO_LARGE");
        resolver.Calls.ShouldBe(0);
    }

    [Fact]
    public void Receipt_ids_are_128_random_bits_in_one_spelling()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ReceiptId.New()).ToList();

        ids.Distinct().Count().ShouldBe(1000);
        ids.ShouldAllBe(id => id.Length == 26 && id.All(c => (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')));
        ReceiptId.Normalize(ids[0].ToUpperInvariant()).ShouldBe(ids[0]);
        ReceiptId.Normalize(ids[0][..25]).ShouldBeNull();
        ReceiptId.Normalize(ids[0][..25] + "1").ShouldBeNull();
        ReceiptId.Normalize(ids[0][..25] + "=").ShouldBeNull();
        ReceiptId.Normalize(null).ShouldBeNull();
    }

    [Fact]
    public void The_jwks_publishes_receipt_keys_with_their_own_use_and_reads_them_back()
    {
        var body = TestKeys.Info(TestKeys.Create("body key"));
        var json = Jwks.Write([body, ReceiptKeyInfo]);

        using (var document = JsonDocument.Parse(json))
        {
            var receiptEntry = document.RootElement.GetProperty("keys")[1];
            receiptEntry.GetProperty("use").GetString().ShouldBe("star-receipt");
            receiptEntry.TryGetProperty("star_issuer", out _).ShouldBeFalse();
            document.RootElement.GetProperty("keys")[0].GetProperty("use").GetString().ShouldBe("sig");
        }

        var read = Jwks.Read(json);
        read.Select(k => k.Purpose).ShouldBe([KeyPurpose.QrCodes, KeyPurpose.Receipts]);
        read[1].Issuer.ShouldBe(SigningKeyInfo.RegistryIssuer);

        var withIssuer = json.Replace("\"use\": \"star-receipt\",", "\"use\": \"star-receipt\", \"star_issuer\": \"DEMO01\",", StringComparison.Ordinal);
        withIssuer.ShouldNotBe(json);
        Should.Throw<JwksFormatException>(() => Jwks.Read(withIssuer)).Message.ShouldContain("receipt key");
        Should.Throw<JwksFormatException>(() => Jwks.Read(json.Replace("\"star-receipt\"", "\"enc\"", StringComparison.Ordinal)));
    }

    private static string Code(string document, params SigningKeyInfo[] keys) =>
        new ReceiptVerifier(TestReceipts.Resolver(keys)).Verify(document) switch
        {
            NotGenuineReceipt refused => refused.Code,
            _ => "GENUINE",
        };
}
