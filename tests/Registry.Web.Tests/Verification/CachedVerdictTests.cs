using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Certificates.Caching;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// Scans are answered from the certificate cache. A change published anywhere (here by another process's
/// publisher, not through this site) must still reach the next scan within the bound, through the outbox.
/// </summary>
[Collection(VerificationSiteGroup.Name)]
public sealed class CachedVerdictTests(VerificationSite site)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(CertificateStatus.Withdrawn)]
    [InlineData(CertificateStatus.Suspended)]
    public async Task A_change_published_elsewhere_reaches_a_cached_verdict_within_the_bound(CertificateStatus status)
    {
        var issued = await site.Scenarios.IssueAsync(new DateOnly(2025, 10, 7));
        var link = site.Scenarios.Link(issued);
        var cache = site.Services.GetRequiredService<CertificateRecordCache>();
        // The issue itself is a change the cache hears of, so the scan that follows it may read PostgreSQL
        // without storing; a later one stores.
        var watchCached = Stopwatch.StartNew();
        while (cache.Find(issued.Certificate.NormalizedNumber, out _) is null)
        {
            (await StatusAsync(link)).ShouldBe("VALID");
            watchCached.Elapsed.ShouldBeLessThan(Bound, "the scanned certificate was never cached");
            await Task.Delay(10);
        }

        var watch = Stopwatch.StartNew();
        await site.Scenarios.ChangeAsync(issued, status == CertificateStatus.Withdrawn
            ? StatusChange.Withdraw(SiteScenarios.ChangeEffectiveOn, SiteScenarios.WithdrawalReason, "x")
            : StatusChange.Suspend(SiteScenarios.ChangeEffectiveOn, SiteScenarios.SuspensionReason, "x"));
        var published = watch.Elapsed;
        var expected = status.ToString().ToUpperInvariant();
        string seen;
        while ((seen = await StatusAsync(link)) != expected)
        {
            seen.ShouldBe("VALID", "before the change shows, the previous status and nothing else");
            watch.Elapsed.ShouldBeLessThan(Bound, $"the scan still said {seen} {Bound.TotalSeconds} s after the change");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{status}: published in {published.TotalMilliseconds:0.0} ms; scans said so {(watch.Elapsed - published).TotalMilliseconds:0.0} ms later."));
    }

    private async Task<string> StatusAsync(string link)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/verify?payload=" + Uri.EscapeDataString(link), UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("status").GetString()!;
    }
}
