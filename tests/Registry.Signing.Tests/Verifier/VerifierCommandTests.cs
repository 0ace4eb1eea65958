using System.Diagnostics;
using Registry.Signing.Tests.Vectors;
using Registry.Verifier;

namespace Registry.Signing.Tests.Verifier;

public class VerifierCommandTests
{
    [Fact]
    public void A_genuine_vector_prints_its_claims_and_the_reminder_and_exits_0()
    {
        var vector = Vector("plaque-bare-payload");

        var (exit, output, _) = Run("--jwks", VectorFiles.JwksPath, vector.Input);

        exit.ShouldBe(0);
        output.ShouldStartWith("GENUINE");
        output.ShouldContain("CNDEMO04SV202300025");
        output.ShouldContain("plaque");
        output.ShouldContain("2026-03-31");
        output.ShouldContain("does not mean that the");
    }

    [Theory]
    [InlineData("flipped-signature-byte", "BAD_SIGNATURE")]
    [InlineData("revoked-key", "REVOKED_KEY")]
    [InlineData("trailing-byte", "TRAILING_DATA")]
    public void A_forged_vector_prints_the_reason_and_exits_1(string name, string code)
    {
        var (exit, output, _) = Run("--jwks", VectorFiles.JwksPath, Vector(name).Input);

        exit.ShouldBe(1);
        output.ShouldStartWith($"NOT GENUINE: {code}");
    }

    [Fact]
    public void The_host_option_refuses_links_to_other_hosts()
    {
        var (exit, output, _) = Run("--jwks", VectorFiles.JwksPath, "--host", "registry.example.org", Vector("certificate").Input);

        exit.ShouldBe(1);
        output.ShouldStartWith("NOT GENUINE: BAD_URL");
    }

    [Theory]
    [InlineData]
    [InlineData("PAYLOAD")]
    [InlineData("--jwks")]
    [InlineData("--jwks", "jwks.json")]
    [InlineData("--jwks", "jwks.json", "A", "B")]
    [InlineData("--color", "PAYLOAD")]
    public void Bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        var (exit, _, error) = Run(args);

        exit.ShouldBe(2);
        error.ShouldContain("Usage:");
    }

    [Fact]
    public void A_missing_or_broken_key_set_exits_2()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-jwks-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, "{\"keys\":[{\"kty\":\"RSA\"}]}");
        try
        {
            Run("--jwks", "/nonexistent/jwks.json", "PAYLOAD").Exit.ShouldBe(2);
            var (exit, _, error) = Run("--jwks", broken, "PAYLOAD");
            exit.ShouldBe(2);
            error.ShouldContain("Cannot use the key set");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void The_built_program_runs_as_a_process()
    {
        var verifier = Path.Combine(AppContext.BaseDirectory, "Registry.Verifier.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { verifier, "--jwks", VectorFiles.JwksPath, Vector("certificate").Input },
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(TimeSpan.FromSeconds(60)).ShouldBeTrue();

        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        output.ShouldStartWith("GENUINE");
        output.ShouldContain("DEMO01ASS2024000123");
    }

    private static TestVector Vector(string name) => VectorFiles.ReadVectors().Single(v => v.Name == name);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = VerifierCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
