using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Certificates;
using Registry.Domain.Time;
using Registry.Web.Features.PageCache;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.PageCache;

/// <summary>
/// Verdicts (the /v/ page and GET /api/verify) and the JWKS come from the output cache, keyed by the scanned
/// certificate's own change mark and the signing-key set's fingerprint: another certificate's change leaves them
/// cached, their own certificate's change or a key revocation never lets the old verdict out again.
/// </summary>
public sealed class CachedVerdictTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_cached_verdict_survives_other_certificates_changes_and_never_its_own()
    {
        var registry = new TestRegistry(database);
        var (scanned, body) = await registry.IssueAsync(new DateOnly(2026, 8, 3));
        var (other, otherBody) = await registry.IssueAsync(new DateOnly(2026, 8, 3));
        var (link, _) = await SiteSignedCodes.SignAsync(database.Site, scanned, body, await CreditCodeAsync(scanned));
        await PageCacheSync.InStepAsync(database.Site.Services);
        using var client = database.Site.CreatePageClient();
        var api = new Uri("/api/verify?payload=" + Uri.EscapeDataString(link), UriKind.Relative);
        var page = new Uri("/v/" + link[(link.IndexOf("/V/", StringComparison.Ordinal) + 3)..], UriKind.Relative);

        using (var cached = await PageCacheProbe.CachedAsync(client, api))
        {
            (await StatusAsync(cached)).ShouldBe("VALID");
        }

        using (var cachedPage = await PageCacheProbe.CachedAsync(client, page))
        {
            cachedPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await WithdrawAsync(other, otherBody);
        await PageCacheSync.CaughtUpAsync(database);
        using (var still = await client.GetAsync(api))
        {
            still.Headers.Age.ShouldNotBeNull("a change to another certificate leaves this verdict's key where it was");
        }

        await WithdrawAsync(scanned, body);
        await PageCacheSync.CaughtUpAsync(database);
        using (var after = await client.GetAsync(api))
        {
            after.Headers.Age.ShouldBeNull("the scanned certificate's own change moved its key");
            (await StatusAsync(after)).ShouldBe("WITHDRAWN");
        }

        using var pageAfter = await client.GetAsync(page);
        pageAfter.Headers.Age.ShouldBeNull();
        WebUtility.HtmlDecode(await pageAfter.Content.ReadAsStringAsync()).ShouldContain("WITHDRAWN");
    }

    [Fact]
    public async Task Revoking_the_key_turns_a_cached_verdict_not_genuine_at_once()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 8, 4));
        var (link, kid) = await SiteSignedCodes.SignAsync(database.Site, certificate, body, await CreditCodeAsync(certificate));
        using var client = database.Site.CreatePageClient();
        var api = new Uri("/api/verify?payload=" + Uri.EscapeDataString(link), UriKind.Relative);
        using (var cached = await PageCacheProbe.CachedAsync(client, api))
        {
            (await StatusAsync(cached)).ShouldBe("VALID");
        }

        await database.Site.Services.GetRequiredService<SigningKeyStore>().RevokeAsync(kid, "private key exposed", "test", CancellationToken.None);

        using var after = await client.GetAsync(api);
        after.Headers.Age.ShouldBeNull("the key set's fingerprint in the key changed with the revocation");
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("kind").GetString().ShouldBe("NOT_GENUINE");
    }

    [Fact]
    public async Task The_jwks_is_cached_keeps_its_entity_tag_and_shows_a_new_key_at_once()
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        using var client = database.Site.CreatePageClient();
        var jwks = new Uri(JwksEndpoint.Path, UriKind.Relative);
        string eTag;
        using (var cached = await PageCacheProbe.CachedAsync(client, jwks))
        {
            eTag = cached.Headers.ETag!.Tag;
            cached.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Registry.Web.Features.Site.SecurityHeaders.ApiPolicy,
                "a replayed JSON answer gets the API policy, not the page policy captured with another request's nonce");
        }

        using (var conditional = new HttpRequestMessage(HttpMethod.Get, jwks))
        {
            conditional.Headers.TryAddWithoutValidation("If-None-Match", eTag);
            using var notModified = await client.SendAsync(conditional);
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        var created = await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Code, "test", CancellationToken.None);
        using var after = await client.GetAsync(jwks);
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadAsStringAsync()).ShouldContain(created.Kid);
    }

    [Fact]
    public async Task A_change_evicts_the_entries_tagged_with_its_certificate_and_holder()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 8, 5));
        var creditCode = await CreditCodeAsync(certificate);
        var store = database.Site.Services.GetRequiredService<IOutputCacheStore>();
        var metrics = database.Site.Services.GetRequiredService<PageCacheMetrics>();
        var byCertificate = "test-entry-" + certificate.NormalizedNumber;
        var byHolder = "test-entry-" + creditCode;
        var unrelated = "test-entry-unrelated-" + certificate.NormalizedNumber;
        await Eventually.UntilAsync(() => database.Site.Services.GetRequiredService<Registry.Web.Features.StatusFeed.RedisConnection>().Current is not null, "the site is connected to Redis");
        await store.SetAsync(byCertificate, [1], [PageCacheTags.Certificate(certificate.NormalizedNumber)], TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.SetAsync(byHolder, [2], [PageCacheTags.Organisation(creditCode)], TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.SetAsync(unrelated, [3], [PageCacheTags.Certificate("NOTTHISONE" + certificate.NormalizedNumber)], TimeSpan.FromMinutes(1), CancellationToken.None);
        (await store.GetAsync(byCertificate, CancellationToken.None)).ShouldNotBeNull();
        var evictionsBefore = metrics.Snapshot().GetValueOrDefault("certificate")?.Evictions ?? 0;

        await WithdrawAsync(certificate, body);

        await Eventually.UntilAsync(() => store.GetAsync(byCertificate, CancellationToken.None).AsTask().Result is null
            && store.GetAsync(byHolder, CancellationToken.None).AsTask().Result is null, "the eviction follower evicts the certificate's and the holder's tags", TimeSpan.FromSeconds(5));
        (await store.GetAsync(unrelated, CancellationToken.None)).ShouldNotBeNull("another certificate's entry stays");
        metrics.Snapshot()["certificate"].Evictions.ShouldBeGreaterThan(evictionsBefore);
    }

    private async Task WithdrawAsync(Certificate certificate, CertificationBody body)
    {
        await using var db = database.CreateContext();
        await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
            StatusChange.Withdraw(RegistryCalendar.Today(TimeProvider.System), "Fraudulent audit evidence", "x"), TestRegistry.Actor(body), CancellationToken.None);
    }

    private async Task<string> CreditCodeAsync(Certificate certificate)
    {
        await using var db = database.CreateContext();
        return (await db.Organisations.SingleAsync(o => o.Id == certificate.OrganisationId)).CreditCode;
    }

    private static async Task<string> StatusAsync(HttpResponseMessage answer)
    {
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString()!;
    }
}
