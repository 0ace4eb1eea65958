using System.Text.Encodings.Web;
using System.Text.Json;

namespace Registry.Signing.Tests.Vectors;

/// <summary>Reads and writes the committed vector files (copied next to the test assembly at build time).</summary>
public static class VectorFiles
{
    public const string JwksFile = "jwks.json";
    public const string VectorsFile = "vectors.json";

    /// <summary>Set to the source Vectors folder to rewrite the committed files; see Vectors/README.md.</summary>
    public const string WriteVariable = "STAR_SIGNING_WRITE_VECTORS";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,

        // Keep apostrophes readable; the file is data for people and other implementations, not for a web page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static string JwksPath => Path.Combine(Directory, JwksFile);

    public static string ReadJwks() => File.ReadAllText(JwksPath);

    public static IReadOnlyList<TestVector> ReadVectors() =>
        JsonSerializer.Deserialize<VectorDocument>(File.ReadAllText(Path.Combine(Directory, VectorsFile)), Options)!.Vectors;

    public static string Serialize(IReadOnlyList<TestVector> vectors) =>
        JsonSerializer.Serialize(new VectorDocument(
            "Star Registry QR payload test vectors, format version 1. Verify each input with jwks.json; see src/Registry.Signing/README.md.",
            "https://star.example.cn",
            vectors), Options) + "\n";

    private sealed record VectorDocument(string About, string Registry, IReadOnlyList<TestVector> Vectors);
}
