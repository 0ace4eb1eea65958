using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Web.Features.SigningKeys;

using Registry.Web.Tests.TestSupport;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// The real site on the test database, with the signing keys swapped for <see cref="InMemorySigningKeys"/>
/// so that tests can make, retire and revoke keys at will. With <paramref name="onKestrel"/> it listens on
/// a loopback port, for Chromium.
/// </summary>
public sealed class VerificationWebFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly ISigningKeys _keys;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Lock _gate = new();
    private Uri? _address;

    public VerificationWebFactory(string connectionString, ISigningKeys keys, bool onKestrel = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _keys = keys;
        _settings = settings ?? new Dictionary<string, string>();
        if (onKestrel)
        {
            UseKestrel(0);
        }
    }

    public string IndexPath { get; } = IndexFolders.New();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        SiteSettings.Apply(builder);
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Registry", _connectionString);
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:PollInterval", "00:00:00.200");
        // The real key store checks its encryption key at start; it is replaced below but still configured.
        builder.UseSetting("Signing:KeyEncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ISigningKeys>();
            services.AddSingleton(_keys);
        });
    }

    public Uri StartKestrel()
    {
        lock (_gate)
        {
            if (_address is null)
            {
                StartServer();
                _address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            }

            return _address;
        }
    }

    public HttpClient CreatePageClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await IndexFolders.DeleteAsync(IndexPath);
    }
}
