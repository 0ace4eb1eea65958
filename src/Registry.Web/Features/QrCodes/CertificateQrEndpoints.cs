using Registry.Domain.Identifiers;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// GET /certificates/{number}/qr.svg and qr.png: the paper certificate's code (medium certificate, serial 0),
/// signed on request with the issuing body's active key. Refusals are RFC 9457 problems with a stable code.
/// </summary>
internal static class CertificateQrEndpoints
{
    /// <summary>10 pixels a module: a version-10 code with its quiet zone is 650 pixels square.</summary>
    public const int PngPixelsPerModule = 10;

    public static IEndpointRouteBuilder MapCertificateQr(this IEndpointRouteBuilder app)
    {
        app.MapGet("/certificates/{number}/qr.svg", (string number, HttpContext context, CancellationToken cancellationToken) =>
            RenderAsync(number, png: false, context, cancellationToken));
        app.MapGet("/certificates/{number}/qr.png", (string number, HttpContext context, CancellationToken cancellationToken) =>
            RenderAsync(number, png: true, context, cancellationToken));
        return app;
    }

    private static async Task<IResult> RenderAsync(string number, bool png, HttpContext context, CancellationToken cancellationToken)
    {
        if (!CertificateNumber.TryNormalize(number, out var normalized, out var error))
        {
            return Problem(StatusCodes.Status400BadRequest, "BAD_NUMBER", error);
        }

        var record = await context.RequestServices.GetRequiredService<CertificateQueries>().FindAsync(normalized, cancellationToken);
        if (record is null)
        {
            return Problem(StatusCodes.Status404NotFound, "CERTIFICATE_NOT_FOUND", $"The registry holds no certificate {normalized}.");
        }

        var (job, refusal) = await context.RequestServices.GetRequiredService<PrintSigner>().StartAsync(record, cancellationToken);
        if (job is null)
        {
            return Problem(refusal!.HttpStatus, refusal.Code, refusal.Message);
        }

        string text;
        using (job)
        {
            text = job.Sign(Medium.Certificate, 0);
        }

        // Every response is a new signature, and a refusal after a withdrawal must not hide behind a cached image.
        context.Response.Headers.CacheControl = "no-store";
        using var qr = QrSymbol.Encode(text);
        return png ? Results.File(qr.ToPng(PngPixelsPerModule), "image/png") : Results.Text(qr.ToSvg(), "image/svg+xml");
    }

    private static IResult Problem(int status, string code, string detail) => Results.Problem(
        statusCode: status,
        title: "No QR code for this certificate",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
