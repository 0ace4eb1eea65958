using Registry.Domain.Identifiers;
using Registry.Web.Features.Certificates.Caching;

namespace Registry.Web.Features.Certificates;

public static class CertificatesExtensions
{
    public static IHostApplicationBuilder AddCertificates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CertificateQueries>();
        builder.Services.AddCertificateCache();

        // Scans are the hot path: answered from memory while the cache follows the outbox.
        builder.Services.AddScoped<ICertificateRecords>(sp => sp.GetRequiredService<CachedCertificateRecords>());
        return builder;
    }

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        // The look-up form submits here (it works without JavaScript); the certificate page does the checking.
        app.MapGet("/certificates", (string? number) =>
            string.IsNullOrWhiteSpace(number)
                ? Results.Redirect("/")
                : Results.Redirect(CertificateLinks.For(number)));
        return app;
    }
}

public static class CertificateLinks
{
    /// <summary>The canonical address of a certificate: the folded number, which never needs escaping.</summary>
    public static string For(string typedNumber) =>
        CertificateNumber.TryNormalize(typedNumber, out var normalized, out _)
            ? $"/certificates/{normalized}"
            : $"/certificates/{Uri.EscapeDataString(typedNumber.Length > 200 ? typedNumber[..200] : typedNumber)}";
}
