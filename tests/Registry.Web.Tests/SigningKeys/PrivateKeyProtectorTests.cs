using System.Security.Cryptography;
using Registry.Signing.Keys;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

public sealed class PrivateKeyProtectorTests
{
    private static readonly KeyId KidA = new(0x194F63ED);
    private static readonly KeyId KidB = new(0x01020304);

    [Fact]
    public void A_private_key_survives_the_round_trip_in_the_documented_layout()
    {
        var scalar = RandomNumberGenerator.GetBytes(32);
        var protector = new PrivateKeyProtector(TestKek.Bytes);

        var blob = protector.Protect(scalar, bodyId: 7, KidA);

        blob.Length.ShouldBe(1 + 12 + 16 + 32, "version || nonce || tag || ciphertext");
        blob[0].ShouldBe((byte)1);
        blob.AsSpan().IndexOf(scalar).ShouldBe(-1, "the scalar must not appear in the clear");
        protector.Unprotect(blob, 7, KidA).ShouldBe(scalar);
        protector.Protect(scalar, 7, KidA).ShouldNotBe(blob, "every encryption draws a new nonce");
    }

    [Fact]
    public void Another_key_encryption_key_fails_clearly()
    {
        var blob = new PrivateKeyProtector(TestKek.Bytes).Protect(RandomNumberGenerator.GetBytes(32), 7, KidA);
        var otherKek = RandomNumberGenerator.GetBytes(32);

        var failure = Should.Throw<SigningKeyDecryptionException>(() => new PrivateKeyProtector(otherKek).Unprotect(blob, 7, KidA));

        failure.Message.ShouldContain("Signing:KeyEncryptionKey is not the key it was encrypted with");
        failure.Message.ShouldContain(KidA.ToString());
        failure.Kid.ShouldBe(KidA.ToString());
        failure.Message.ShouldNotContain(Convert.ToBase64String(otherKek));
    }

    [Theory]
    [InlineData(8, "same kid, another body")]
    [InlineData(7, "same body, another kid")]
    public void A_blob_moved_to_another_key_or_body_does_not_open(long bodyId, string why)
    {
        var protector = new PrivateKeyProtector(TestKek.Bytes);
        var blob = protector.Protect(RandomNumberGenerator.GetBytes(32), 7, KidA);
        var kid = bodyId == 7 ? KidB : KidA;

        Should.Throw<SigningKeyDecryptionException>(() => protector.Unprotect(blob, bodyId, kid), why);
    }

    [Fact]
    public void Any_altered_byte_is_refused()
    {
        var protector = new PrivateKeyProtector(TestKek.Bytes);
        var blob = protector.Protect(RandomNumberGenerator.GetBytes(32), 7, KidA);
        for (var i = 0; i < blob.Length; i++)
        {
            var altered = (byte[])blob.Clone();
            altered[i] ^= 0x01;
            Should.Throw<SigningKeyDecryptionException>(() => protector.Unprotect(altered, 7, KidA), $"byte {i} altered");
        }

        Should.Throw<SigningKeyDecryptionException>(() => protector.Unprotect(blob.AsSpan(0, blob.Length - 1), 7, KidA)).Message.ShouldContain("format version 1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(33)]
    public void Only_a_32_byte_key_encryption_key_is_accepted(int length) =>
        Should.Throw<ArgumentException>(() => new PrivateKeyProtector(new byte[length]));
}
