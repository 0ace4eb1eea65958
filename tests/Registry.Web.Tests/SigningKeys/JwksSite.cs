using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.SigningKeys;

/// <summary>
/// A site of its own on the test database (with this run's test KEK and a search replica of its own), so that keys
/// made through its store open here and in <see cref="TestStores"/> alike.
/// </summary>
public sealed class JwksSite(RegistryDatabase database) : IAsyncDisposable
{
    private readonly Lazy<RegistryWebFactory> _site = new(() => new RegistryWebFactory(database.ConnectionString));

    public RegistryWebFactory Site => _site.Value;

    /// <summary>The site's own store: changes through it clear the site's cache, as an operator's would on that instance.</summary>
    public SigningKeyStore Store => Site.Services.GetRequiredService<SigningKeyStore>();

    public async ValueTask DisposeAsync()
    {
        if (_site.IsValueCreated)
        {
            await _site.Value.DisposeAsync();
        }
    }
}
