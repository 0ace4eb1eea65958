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
    public void A_downloaded_receipt_is_checked_with_the_jwks_alone()
    {
        var key = TestKeys.Create("receipts");
        var folder = Directory.CreateTempSubdirectory("receipt-verifier-").FullName;
        try
        {
            var jwks = Path.Combine(folder, "jwks.json");
            File.WriteAllText(jwks, Jwks.Write([TestKeys.Info(TestKeys.Create("body")), TestReceipts.KeyInfo(key)]));
            var claims = TestReceipts.Claims();
            var receipt = Path.Combine(folder, "receipt.jws");
            File.WriteAllText(receipt, new Registry.Signing.Receipts.ReceiptSigner(key).Sign(claims) + "\n");

            var (exit, output, _) = Run("--jwks", jwks, "--receipt", receipt);
            exit.ShouldBe(0);
            output.ShouldStartWith("GENUINE RECEIPT");
            output.ShouldContain(claims.Id);
            output.ShouldContain("DEMO01-ASS-2024-000123  VALID  five-star  expires 2027-02-28");
            output.ShouldContain("nothing found: CERTIFICATE_NOT_FOUND");

            var text = File.ReadAllText(receipt);
            File.WriteAllText(receipt, text[..40] + (text[40] == 'A' ? 'B' : 'A') + text[41..]);
            var (forgedExit, forged, _) = Run("--jwks", jwks, "--receipt", receipt);
            forgedExit.ShouldBe(1);
            forged.ShouldStartWith("NOT GENUINE:");

            Run("--jwks", jwks, "--receipt", receipt, "PAYLOAD").Exit.ShouldBe(2, "a receipt or a code, not both");
            Run("--jwks", jwks, "--receipt", Path.Combine(folder, "missing.jws")).Exit.ShouldBe(2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
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
