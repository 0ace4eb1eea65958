using Microsoft.AspNetCore.Mvc;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>Verification from a photo or screenshot of a QR code: the /verify/upload page and POST /api/verify/image.</summary>
public static class QrUploadExtensions
{
    public static IHostApplicationBuilder AddQrUpload(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QrImageDecoder>();
        builder.Services.AddScoped<QrUploadVerification>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQrUpload(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/verify/image", QrUploadApi.HandleAsync)
            // Kestrel refuses a longer body as it arrives (413) instead of after 30 MB, its default.
            .WithMetadata(new RequestSizeLimitAttribute(QrImageLimits.MaxRequestBytes))
            // No antiforgery: the call changes nothing on the server and carries no credentials to abuse.
            .DisableAntiforgery();
        return app;
    }
}
