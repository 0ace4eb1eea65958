using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Web.Features.Verification;
using Registry.Web.Tests.TestSupport;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>The real site with <see cref="FakeVerifier"/> in place of the verifier: upload endpoints' shape, real decoding.</summary>
public sealed class FakeVerifierSite(RegistryDatabase database) : WebApplicationFactory<Program>
{
    private readonly string _indexPath = IndexFolders.New();

    public HttpClient CreatePageClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        SiteSettings.Apply(builder);
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Registry", database.ConnectionString);
        builder.UseSetting("Search:IndexPath", _indexPath);
        // The key store checks its encryption key at start even though nothing here signs.
        builder.UseSetting("Signing:KeyEncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IVerifier>();
            services.AddSingleton<IVerifier, FakeVerifier>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await IndexFolders.DeleteAsync(_indexPath);
    }
}
