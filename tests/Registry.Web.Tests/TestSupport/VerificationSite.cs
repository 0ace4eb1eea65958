using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.TestSupport;

/// <summary>The verification tests that need the site share one (in-process, and on Kestrel for Chromium) and one key ring.</summary>
[CollectionDefinition(Name)]
public sealed class VerificationSiteGroup : ICollectionFixture<VerificationSite>
{
    public const string Name = "Verification site";
}

public sealed class VerificationSite : IAsyncLifetime
{
    private readonly Lazy<RegistryWebFactory> _site;
    private readonly Lazy<RegistryWebFactory> _browserSite;

    public VerificationSite(RegistryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Scenarios = new VerificationScenarios(database, Keys);
        _site = new(() => new RegistryWebFactory(database.ConnectionString, services: RegistryWebFactory.Replace<ISigningKeys>(Keys)));
        _browserSite = new(() => new RegistryWebFactory(database.ConnectionString, onKestrel: true, services: RegistryWebFactory.Replace<ISigningKeys>(Keys)));
    }

    public RegistryDatabase Database { get; }

    public InMemorySigningKeys Keys { get; } = new();

    public VerificationScenarios Scenarios { get; }

    public HttpClient CreateClient() => _site.Value.CreatePageClient();

    /// <summary>The (non-browser) site's services, to look at its caches.</summary>
    public IServiceProvider Services => _site.Value.Services;

    public Uri BrowserAddress => _browserSite.Value.StartKestrel();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var site in new[] { _site, _browserSite }.Where(s => s.IsValueCreated))
        {
            await site.Value.DisposeAsync();
        }
    }
}
