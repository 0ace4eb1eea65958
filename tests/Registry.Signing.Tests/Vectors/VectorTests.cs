namespace Registry.Signing.Tests.Vectors;

public class VectorTests
{
    public static TheoryData<string> Names => [.. VectorFiles.ReadVectors().Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_committed_vector_verifies_as_stated(string name)
    {
        var vector = VectorFiles.ReadVectors().Single(v => v.Name == name);
        var keys = new SigningKeySet(Jwks.Read(VectorFiles.ReadJwks()));

        var result = new PayloadVerifier(keys.Find).VerifyScanned(vector.Input);

        if (vector.Expected == "GENUINE")
        {
            var genuine = result.ShouldBeOfType<Genuine>();
            VectorClaims.From(genuine.Claims).ShouldBe(vector.Claims);
            genuine.Key.Id.ToString().ShouldBe(vector.Kid);
        }
        else
        {
            vector.Expected.ShouldBe("NOT_GENUINE");
            result.ShouldBeOfType<NotGenuine>().Code.ShouldBe(vector.Reason);
        }
    }

    [Fact]
    public void The_envelope_hex_is_what_the_input_carries()
    {
        foreach (var vector in VectorFiles.ReadVectors().Where(v => v.EnvelopeHex is not null))
        {
            VerifyUrl.TryParse(vector.Input, null, out var payload, out _).ShouldBeTrue(vector.Name);
            if (PayloadText.TryDecode(payload, out var bytes, out _))
            {
                Convert.ToHexString(bytes).ShouldBe(vector.EnvelopeHex, vector.Name);
            }
        }
    }

    [Fact]
    public void The_committed_key_set_is_made_of_the_deterministic_test_keys()
    {
        using var generator = new VectorGenerator();

        VectorFiles.ReadJwks().ShouldBe(Jwks.Write(generator.PublishedKeys));
    }

    [Fact]
    public void The_generator_still_produces_the_committed_verdicts()
    {
        using var generator = new VectorGenerator();
        var fresh = generator.Generate();

        // Rewriting is a deliberate act: signatures change every time, so the files are only replaced on request.
        if (Environment.GetEnvironmentVariable(VectorFiles.WriteVariable) is { Length: > 0 } target)
        {
            File.WriteAllText(Path.Combine(target, VectorFiles.JwksFile), Jwks.Write(generator.PublishedKeys));
            File.WriteAllText(Path.Combine(target, VectorFiles.VectorsFile), VectorFiles.Serialize(fresh));
            return;
        }

        fresh.Select(v => (v.Name, v.Expected, v.Reason, v.Kid, v.Claims))
            .ShouldBe(VectorFiles.ReadVectors().Select(v => (v.Name, v.Expected, v.Reason, v.Kid, v.Claims)));
    }
}
