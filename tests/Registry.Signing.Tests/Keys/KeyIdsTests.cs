using System.Buffers.Text;

namespace Registry.Signing.Tests.Keys;

public class KeyIdsTests
{
    [Fact]
    public void The_thumbprint_of_the_RFC_7517_example_key_is_the_published_one()
    {
        var key = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars("MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4"),
                Y = Base64Url.DecodeFromChars("4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"),
            },
        };

        Base64Url.EncodeToString(KeyIds.Thumbprint(key)).ShouldBe("cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s");
        KeyIds.ShortId(key).ToString().ShouldBe("cn-I_Q");
    }

    [Fact]
    public void The_short_id_is_the_first_four_bytes_of_the_thumbprint()
    {
        using var key = TestKeys.Create("a");
        var thumbprint = KeyIds.Thumbprint(key.ExportParameters(false));

        KeyIds.ShortId(key).ToBytes().ShouldBe(thumbprint[..4]);
    }

    [Fact]
    public void Key_ids_parse_only_their_canonical_spelling()
    {
        var id = new KeyId(0x72_7F_88_FC);

        KeyId.TryParse(id.ToString(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(id);
        KeyId.TryParse("cn-I_R", out _).ShouldBeFalse(); // stray low bits in the last character
        KeyId.TryParse("cn-I_Q==", out _).ShouldBeFalse();
        KeyId.TryParse("cn-I", out _).ShouldBeFalse();
        KeyId.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Other_curves_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Should.Throw<ArgumentException>(() => KeyIds.ShortId(p384));
    }
}
