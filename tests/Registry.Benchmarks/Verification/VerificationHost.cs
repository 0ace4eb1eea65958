using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Registry.Signing.Claims;
using Registry.Web.Data;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Benchmarks.Verification;

/// <summary>
/// The verification path as the site wires it (key store with cached public keys, certificate cache and its
/// outbox follower, PostgreSQL), without HTTP, plus signed codes of real certificates to verify.
/// </summary>
public sealed class VerificationHost : IAsyncDisposable
{
    private readonly IHost _host;

    private VerificationHost(IHost host, IReadOnlyList<string> codes)
    {
        _host = host;
        Codes = codes;
    }

    public IReadOnlyList<string> Codes { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<VerificationHost> StartAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{DataExtensions.ConnectionStringName}"] = connectionString;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddRegistryData();
        builder.AddSigningKeys();
        builder.AddQrCodes();
        builder.Services.AddCertificateCache();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var codes = await SignAsync(host.Services, count, cancellationToken);
            return new VerificationHost(host, codes);
        }
        catch
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
            throw;
        }
    }

    /// <summary>A verifier whose look-ups go through <paramref name="records"/>, in a scope the caller disposes.</summary>
    public Verifier Verifier(AsyncServiceScope scope, Func<IServiceProvider, ICertificateRecords> records) =>
        new(Services.GetRequiredService<ISigningKeys>(), records(scope.ServiceProvider), TimeProvider.System,
            Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VerificationOptions>>());

    /// <summary>Certificate codes for valid certificates drawn evenly over the table, signed with each body's active key.</summary>
    private static async Task<IReadOnlyList<string>> SignAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var numbers = new List<string>();
        await using (var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT normalized_number FROM certificates WHERE standing = 'Valid' AND expires_on > current_date " +
            "AND id % greatest(1, (SELECT count(*) FROM certificates) / @count) = 0 ORDER BY id LIMIT @count"))
        {
            command.Parameters.AddWithValue("count", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                numbers.Add(reader.GetString(0));
            }
        }

        var codes = new List<string>();
        foreach (var number in numbers)
        {
            await using var scope = services.CreateAsyncScope();
            var record = await scope.ServiceProvider.GetRequiredService<CertificateQueries>().FindAsync(number, cancellationToken);
            var (job, refusal) = await scope.ServiceProvider.GetRequiredService<PrintSigner>().StartAsync(record!, cancellationToken);
            if (job is null)
            {
                throw new InvalidOperationException($"Cannot sign a code for {number}: {refusal}. Run `keys ensure --all-bodies` first.");
            }

            using (job)
            {
                codes.Add(job.Sign(Medium.Certificate, 0));
            }
        }

        return codes.Count > 0 ? codes : throw new InvalidOperationException("No valid certificates to sign codes for.");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
