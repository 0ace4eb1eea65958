using GraphQL.Types;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.HostileInput;

/// <summary>
/// Every route and every GraphQL argument, fed generated hostile values (see <see cref="HostileValues"/>): no answer is
/// a 5xx or shows an exception, and every row the database gained is one an answer said it made. At least 20,000
/// requests per CI run; <c>ops/soak</c> runs 200,000 or more (REGISTRY_HOSTILE_REQUESTS) and keeps the report in
/// artifacts/hostile-input-report.txt. The suite has a database of its own, so other tests' changes are not counted.
/// </summary>
public sealed class HostileInputSuiteTests : IAsyncLifetime
{
    private readonly RegistryDatabase _database = new();
    private RegistryWebFactory _site = null!;
    private HostileFixture _fixture = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _site = new RegistryWebFactory(_database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["ApiKeys:RateLimit:BurstLimit"] = SiteSettings.Generous,
            ["ApiKeys:RateLimit:RequestsPerPeriod"] = SiteSettings.Generous,
        });
        var api = await PublishingApiClient.ForNewBodyAsync(_database);
        await _site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(api.Body.Code, "hostile input suite", CancellationToken.None);
        using var http = PublishingApiClient.WithKey(_site.CreateClient(), api.Token);
        var client = new PublishingApiClient(api.Body, api.Token, api.KeyId, http);
        var numbers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add((await client.IssueAsync()).Number);
        }

        using var pages = _site.CreatePageClient();
        var png = await pages.GetByteArrayAsync(new Uri($"/certificates/{numbers[0].Replace("-", string.Empty, StringComparison.Ordinal)}/qr.png", UriKind.Relative));
        _fixture = new HostileFixture(api.Token, numbers, await Zbar.DecodeAsync(png));
    }

    [Fact]
    public async Task Hostile_values_on_every_route_and_argument_get_no_server_error_and_change_nothing_unannounced()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("REGISTRY_HOSTILE_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("REGISTRY_HOSTILE_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 9;
        var requests = new HostileRequests(_site.Services.GetRequiredService<EndpointDataSource>(), _site.Services.GetRequiredService<ISchema>(), _fixture);
        requests.Routes.Count.ShouldBeGreaterThan(15, "the site's routes are found");
        requests.GraphQLTargets.Count.ShouldBeGreaterThan(100, "every query and mutation argument, and every field of their inputs, is found");
        var run = new HostileInputRun(() => _site.CreatePageClient(), requests);
        var before = await RegistryCounts.ReadAsync(_database.DataSource);

        await run.RunAsync(total, workers: 4, seed);

        // Changes commit before their answers are written, so the counts are final once every answer is in.
        var after = await RegistryCounts.ReadAsync(_database.DataSource);
        var report = run.Report() + $"database before {before}, after {after}, announced {run.Claimed(before)}\n";
        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryFiles.Root, "artifacts")).FullName;
        await File.WriteAllTextAsync(Path.Combine(artifacts, "hostile-input-report.txt"), report);
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        run.Sent.ShouldBe(total);
        run.Failures.Take(20).ShouldBeEmpty(report);
        var announced = run.Claimed(before);
        after.StatusEvents.ShouldBe(announced.StatusEvents, report);
        after.Certificates.ShouldBe(announced.Certificates, report);
        after.SigningKeys.ShouldBe(announced.SigningKeys, report);
        after.QrPrints.ShouldBe(announced.QrPrints, report);
        (after.Organisations - before.Organisations).ShouldBeLessThanOrEqualTo(after.Certificates - before.Certificates, "a holder is registered only by an issue");
        foreach (var (pattern, method) in requests.Routes)
        {
            run.PerTarget.ContainsKey($"{method} {pattern}").ShouldBeTrue($"every route is tried: {method} {pattern}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
