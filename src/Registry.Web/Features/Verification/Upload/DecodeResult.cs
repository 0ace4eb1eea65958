namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// What the decoder read from a picture: the text of every QR code found (at least one), or why there is none.
/// <see cref="Detail"/> is an English sentence for logs and API clients; pages show their own translated text.
/// </summary>
public sealed record DecodeResult(IReadOnlyList<string> Texts, QrImageProblem? Problem, string? Detail)
{
    public bool Succeeded => Problem is null;

    public static DecodeResult Decoded(IReadOnlyList<string> texts) => new(texts, null, null);

    public static DecodeResult Failed(QrImageProblem problem, string detail) => new([], problem, detail);
}
