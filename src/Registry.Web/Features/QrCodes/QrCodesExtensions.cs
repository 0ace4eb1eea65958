using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.QrCodes;

/// <summary>QR codes: the certificate's code on the site, and the plaque and mark artwork of the `qr` operator commands.</summary>
public static class QrCodesExtensions
{
    /// <summary>For the site and the operator host alike; the signing keys (ISigningKeys) come from their own feature.</summary>
    public static IHostApplicationBuilder AddQrCodes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddVerificationOptions();
        builder.Services.TryAddScoped<CertificateQueries>();
        builder.Services.TryAddScoped<PrintSigner>();
        builder.Services.TryAddScoped<PrintRun>();
        builder.Services.TryAddSingleton<QrSerialStore>();
        builder.Services.TryAddSingleton<IQrSerials>(services => services.GetRequiredService<QrSerialStore>());
        return builder;
    }

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app) => app.MapCertificateQr();
}
