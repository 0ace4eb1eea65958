using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.GraphQL;

/// <summary>The GraphQL tests share one site (in-process, and on Kestrel for the node client) and one key ring.</summary>
[CollectionDefinition(Name)]
public sealed class GraphQLSiteGroup : ICollectionFixture<GraphQLSite>
{
    public const string Name = "GraphQL site";
}

/// <summary>
/// The real site on the test database, with the signing keys in memory (so verify can be asked about codes
/// the tests sign) and a rate limit far above what the suite sends; the rate limit has a site of its own.
/// </summary>
public sealed class GraphQLSite : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["GraphQL:AnonymousRateLimit:PermitLimit"] = "100000",
    };

    private readonly Lazy<RegistryWebFactory> _site;
    private readonly Lazy<RegistryWebFactory> _kestrelSite;

    public GraphQLSite(RegistryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Scenarios = new GraphQLScenarios(database);
        Verification = new VerificationScenarios(database, Keys);
        _site = new(() => new RegistryWebFactory(database.ConnectionString, settings: Settings, services: RegistryWebFactory.Replace<ISigningKeys>(Keys)));
        _kestrelSite = new(() => new RegistryWebFactory(database.ConnectionString, onKestrel: true, settings: Settings, services: RegistryWebFactory.Replace<ISigningKeys>(Keys)));
    }

    public RegistryDatabase Database { get; }

    public GraphQLScenarios Scenarios { get; }

    public InMemorySigningKeys Keys { get; } = new();

    /// <summary>Signed codes for verify, made with this site's key ring.</summary>
    public VerificationScenarios Verification { get; }

    public IServiceProvider Services => _site.Value.Services;

    public GraphQLClient Client => new(_site.Value.CreatePageClient());

    /// <summary>The site on a real loopback port, for clients outside this process.</summary>
    public Uri KestrelAddress => _kestrelSite.Value.StartKestrel();

    /// <summary>Waits until the site's search index holds everything published so far.</summary>
    public Task WaitForSearchAsync() => SearchIndexWait.UntilCaughtUpAsync(_site.Value, Database);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var site in new[] { _site, _kestrelSite }.Where(s => s.IsValueCreated))
        {
            await site.Value.DisposeAsync();
        }
    }
}
