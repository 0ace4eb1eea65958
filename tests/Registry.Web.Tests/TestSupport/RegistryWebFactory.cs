using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// The real site (Production settings, real PostgreSQL) in-process: every test site is one of these, so the settings
/// they all share are written here once. With <paramref name="onKestrel"/> it listens on a free loopback port instead,
/// for a browser; <paramref name="settings"/> go on top of the shared ones, and <paramref name="services"/> swaps
/// services (see <see cref="Replace{TService}(TService)"/>).
/// </summary>
public class RegistryWebFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Changes to the site's services after its own registrations (a fault injected, a service swapped).</param>
    public RegistryWebFactory(string connectionString, bool onKestrel = false, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        if (onKestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>A services hook that puts <paramref name="implementation"/> in place of the site's <typeparamref name="TService"/>.</summary>
    public static Action<IServiceCollection> Replace<TService>(TService implementation)
        where TService : class => services =>
    {
        services.RemoveAll<TService>();
        services.AddSingleton(implementation);
    };

    /// <summary>A services hook that puts a <typeparamref name="TImplementation"/> the site makes in place of its <typeparamref name="TService"/>.</summary>
    public static Action<IServiceCollection> Replace<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService => services =>
    {
        services.RemoveAll<TService>();
        services.AddSingleton<TService, TImplementation>();
    };

    private readonly Lock _gate = new();
    private Uri? _address;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        SiteSettings.Apply(builder);
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Registry", _connectionString);
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:PollInterval", "00:00:00.200");
        builder.UseSetting("Signing:KeyEncryptionKey", TestKek.Base64);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>Starts the server (once) and returns its address; only for a factory made on Kestrel.</summary>
    public Uri StartKestrel()
    {
        lock (_gate)
        {
            if (_address is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
                _address = new Uri(addresses.Addresses.First());
            }

            return _address;
        }
    }

    /// <summary>This site's own search index replica, in a folder of its own.</summary>
    public string IndexPath { get; } = IndexFolders.New();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await IndexFolders.DeleteAsync(IndexPath);
        GC.SuppressFinalize(this);
    }

    public HttpClient CreatePageClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
