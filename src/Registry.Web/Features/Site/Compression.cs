using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Registry.Web.Features.Site;

/// <summary>
/// Brotli, else gzip, for pages, API answers and static assets, over HTTP and HTTPS, at the fastest level (a page is
/// compressed on every request that the output cache does not answer; the fastest level still takes most of the bytes
/// off). Not for the console, nor for any POST: those answers carry an antiforgery token next to text the request
/// chose, the mix that compression-length attacks (BREACH) need.
/// </summary>
public static class Compression
{
    private static readonly string[] MoreTypes =
    [
        "image/svg+xml", "application/problem+json", "application/graphql-response+json", "application/atom+xml", "application/jwk-set+json",
        "text/csv",
    ];

    public static void Add(IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(MoreTypes);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
    }

    public static void Use(WebApplication app) =>
        app.UseWhen(Compressible, branch => branch.UseResponseCompression());

    public static bool Compressible(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Static assets: a versioned URL (<c>?v=</c>, from <c>asp-append-version</c>) never changes, so it is cached for a year as immutable.</summary>
public static class StaticAssets
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public const string Unversioned = "public, max-age=300";

    public static void SetCaching(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v") ? Immutable : Unversioned;
    }
}
