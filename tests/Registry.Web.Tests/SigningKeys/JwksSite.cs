using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.TestSupport;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>
/// The site on the test database with this run's test KEK and a search replica of its own, so that keys made
/// through its store open here and in <see cref="TestStores"/> alike.
/// </summary>
public sealed class JwksSite(RegistryDatabase database) : IAsyncDisposable
{
    private readonly string _indexPath = IndexFolders.New();
    private WebApplicationFactory<Program>? _site;

    public WebApplicationFactory<Program> Site => _site ??= database.Site.WithWebHostBuilder(builder =>
    {
        builder.UseSetting(SigningKeyOptions.KeyEncryptionKeySetting, TestKek.Base64);
        builder.UseSetting("Search:IndexPath", _indexPath);
    });

    /// <summary>The site's own store: changes through it clear the site's cache, as an operator's would on that instance.</summary>
    public SigningKeyStore Store => Site.Services.GetRequiredService<SigningKeyStore>();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        await IndexFolders.DeleteAsync(_indexPath);
    }
}
