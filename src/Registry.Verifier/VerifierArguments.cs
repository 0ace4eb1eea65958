namespace Registry.Verifier;

/// <param name="Scanned">The payload or URL to verify; empty when <paramref name="ReceiptPath"/> is given.</param>
/// <param name="ReceiptPath">A downloaded receipt file to verify instead of a code.</param>
internal sealed record VerifierArguments(string JwksPath, string? Host, string Scanned, bool Help, string? ReceiptPath = null)
{
    public static bool TryParse(string[] args, out VerifierArguments arguments, out string problem)
    {
        arguments = null!;
        string? jwks = null;
        string? host = null;
        string? scanned = null;
        string? receipt = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    arguments = new VerifierArguments(string.Empty, null, string.Empty, Help: true);
                    problem = string.Empty;
                    return true;
                case "--jwks" when i + 1 < args.Length:
                    jwks = args[++i];
                    break;
                case "--host" when i + 1 < args.Length:
                    host = args[++i];
                    break;
                case "--receipt" when i + 1 < args.Length:
                    receipt = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"Unknown option or missing value: {option}";
                    return false;
                case var positional when scanned is null:
                    scanned = positional;
                    break;
                default:
                    problem = "Give exactly one payload or URL.";
                    return false;
            }
        }

        if (jwks is null || (scanned is null) == (receipt is null))
        {
            problem = jwks is null ? "--jwks is required."
                : receipt is null ? "The payload or URL to verify is missing."
                : "Give either a payload or URL, or --receipt <file>, not both.";
            return false;
        }

        arguments = new VerifierArguments(jwks, host, scanned ?? string.Empty, Help: false, receipt);
        problem = string.Empty;
        return true;
    }
}
