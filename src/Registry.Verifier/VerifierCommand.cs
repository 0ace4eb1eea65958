using Registry.Signing.Keys;
using Registry.Signing.Payloads;
using Registry.Signing.Receipts;

namespace Registry.Verifier;

/// <summary>
/// registry-verify --jwks FILE [--host HOST] PAYLOAD-OR-URL, or --jwks FILE --receipt FILE. Exit codes:
/// 0 GENUINE, 1 NOT GENUINE, 2 the verifier could not run (bad arguments, unreadable JWKS or receipt file).
/// </summary>
public static class VerifierCommand
{
    public const int GenuineExit = 0;
    public const int NotGenuineExit = 1;
    public const int UsageExit = 2;

    private const string Usage = """
        Usage: dotnet Registry.Verifier.dll --jwks <jwks.json> [--host <registry host>] <payload-or-url>
               dotnet Registry.Verifier.dll --jwks <jwks.json> --receipt <receipt.jws>

        Verifies a Star Registry QR code, or a verification receipt downloaded from the registry, offline with
        the published keys (https://<registry>/.well-known/jwks.json).
          --jwks     the key set to trust
          --host     also require a scanned link to point to this host
          --receipt  a receipt file (receipt-<id>.jws) instead of a code
        Exit code: 0 GENUINE, 1 NOT GENUINE, 2 the verifier could not run.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!VerifierArguments.TryParse(args, out var arguments, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine();
            error.WriteLine(Usage);
            return UsageExit;
        }

        if (arguments.Help)
        {
            output.WriteLine(Usage);
            return GenuineExit;
        }

        SigningKeySet keys;
        try
        {
            keys = new SigningKeySet(Jwks.Read(File.ReadAllText(arguments.JwksPath)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JwksFormatException)
        {
            error.WriteLine($"Cannot use the key set {arguments.JwksPath}: {e.Message}");
            return UsageExit;
        }

        if (arguments.ReceiptPath is { } receiptPath)
        {
            string document;
            try
            {
                var file = new FileInfo(receiptPath);
                if (file.Exists && file.Length > ReceiptLimits.MaxDocumentLength)
                {
                    error.WriteLine($"{receiptPath} is larger than any receipt ({ReceiptLimits.MaxDocumentLength} bytes).");
                    return UsageExit;
                }

                document = File.ReadAllText(receiptPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"Cannot read the receipt {receiptPath}: {e.Message}");
                return UsageExit;
            }

            var check = new ReceiptVerifier(keys.Find).Verify(document);
            ReceiptWriter.Write(check, output);
            return check.IsGenuine ? GenuineExit : NotGenuineExit;
        }

        var result = new PayloadVerifier(keys.Find).VerifyScanned(arguments.Scanned, arguments.Host);
        VerdictWriter.Write(result, output);
        return result.IsGenuine ? GenuineExit : NotGenuineExit;
    }
}
