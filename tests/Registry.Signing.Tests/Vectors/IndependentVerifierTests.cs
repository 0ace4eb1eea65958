namespace Registry.Signing.Tests.Vectors;

public class IndependentVerifierTests
{
    [Fact]
    public void A_verifier_written_from_the_README_agrees_on_every_vector()
    {
        var jwks = VectorFiles.ReadJwks();
        foreach (var vector in VectorFiles.ReadVectors())
        {
            var (verdict, claims) = IndependentVerifier.Verify(vector.Input, jwks);

            verdict.ShouldBe(vector.Expected == "GENUINE" ? "GENUINE" : vector.Reason, vector.Name);
            claims.ShouldBe(vector.Claims, vector.Name);
        }
    }
}
