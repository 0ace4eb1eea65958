using System.Text.Json.Nodes;

namespace Registry.Signing.Tests.Keys;

public class JwksTests
{
    [Fact]
    public void A_key_set_round_trips_with_state_and_window()
    {
        using var active = TestKeys.Create("a");
        using var retired = TestKeys.Create("b");
        SigningKeyInfo[] keys =
        [
            TestKeys.Info(active, notBefore: new DateOnly(2024, 1, 1)),
            TestKeys.Info(retired, TestKeys.BodyB, KeyState.Retired, new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)),
        ];

        var read = Jwks.Read(Jwks.Write(keys));

        read.Count.ShouldBe(2);
        read[0].Id.ShouldBe(keys[0].Id);
        read[0].State.ShouldBe(KeyState.Active);
        read[0].NotAfter.ShouldBeNull();
        read[1].Issuer.ShouldBe(TestKeys.BodyB);
        read[1].State.ShouldBe(KeyState.Retired);
        read[1].NotBefore.ShouldBe(new DateOnly(2021, 1, 1));
        read[1].NotAfter.ShouldBe(new DateOnly(2023, 12, 31));
        read[1].PublicKey.Q.X.ShouldBe(keys[1].PublicKey.Q.X);
    }

    [Fact]
    public void The_written_members_are_the_documented_ones()
    {
        using var key = TestKeys.Create("a");
        var json = JsonNode.Parse(Jwks.Write([TestKeys.Info(key)]))!;
        var jwk = json["keys"]![0]!.AsObject();

        jwk.Select(p => p.Key).ShouldBe(["kty", "crv", "x", "y", "kid", "use", "alg", "star_issuer", "star_state", "star_not_before"]);
        jwk["alg"]!.GetValue<string>().ShouldBe("ES256");
        jwk["kid"]!.GetValue<string>().Length.ShouldBe(6);
    }

    public static TheoryData<string, string, string?> Corruptions => new()
    {
        { "kid of another key", "kid", "AAAAAA" },
        { "RSA", "kty", "RSA" },
        { "P-384", "crv", "P-384" },
        { "another algorithm", "alg", "ES384" },
        { "encryption key", "use", "enc" },
        { "unknown state", "star_state", "suspended" },
        { "date with time", "star_not_before", "2024-01-01T00:00:00Z" },
        { "no issuer", "star_issuer", null },
        { "no state", "star_state", null },
        { "short x", "x", "AAAA" },
        { "padded y", "y", "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM=" },
        { "point off the curve", "y", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        { "window ending before it starts", "star_not_after", "2019-12-31" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_doubtful_entry_rejects_the_whole_document(string what, string member, string? value)
    {
        using var key = TestKeys.Create("a");
        var json = JsonNode.Parse(Jwks.Write([TestKeys.Info(key)]))!;
        var jwk = json["keys"]![0]!.AsObject();
        if (value is null)
        {
            jwk.Remove(member);
        }
        else
        {
            jwk[member] = value;
        }

        Should.Throw<JwksFormatException>(() => Jwks.Read(json.ToJsonString()), what);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"keys\":{}}")]
    [InlineData("{\"keys\":[1]}")]
    [InlineData("not json")]
    public void Documents_that_are_not_key_sets_are_rejected(string json) =>
        Should.Throw<JwksFormatException>(() => Jwks.Read(json));

    [Fact]
    public void Duplicate_members_and_duplicate_keys_are_rejected()
    {
        using var key = TestKeys.Create("a");
        var written = Jwks.Write([TestKeys.Info(key)]);

        Should.Throw<JwksFormatException>(() => Jwks.Read(written.Replace("\"use\": \"sig\"", "\"use\": \"sig\", \"use\": \"sig\"", StringComparison.Ordinal)));
        var twice = JsonNode.Parse(written)!;
        twice["keys"]!.AsArray().Add(twice["keys"]![0]!.DeepClone());
        Should.Throw<JwksFormatException>(() => Jwks.Read(twice.ToJsonString()));
    }

    [Fact]
    public void Unknown_members_are_ignored_as_RFC_7517_requires()
    {
        using var key = TestKeys.Create("a");
        var json = JsonNode.Parse(Jwks.Write([TestKeys.Info(key)]))!;
        json["keys"]![0]!["x5t#S256"] = "whatever";
        json["note"] = "published by the registry";

        Jwks.Read(json.ToJsonString()).Count.ShouldBe(1);
    }
}
