namespace Registry.Web.Tests.TestSupport;

/// <summary>Waits for something a background follower does, failing with the reason when it does not happen in time.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            await Task.Delay(10);
        }
    }
}

/// <summary>Waits until the test site's certificate cache has applied every outbox message written so far: from then on no cached page is older.</summary>
public static class PageCacheSync
{
    /// <summary>Until the site's certificate cache is in step with the outbox: only then does the page cache keep anything.</summary>
    public static Task InStepAsync(IServiceProvider site)
    {
        var cache = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Registry.Web.Features.Certificates.Caching.CertificateRecordCache>(site);
        return Eventually.UntilAsync(() => cache.InStep, "the certificate cache is in step");
    }

    public static Task CaughtUpAsync(RegistryDatabase database) => CaughtUpAsync(database, database?.Site.Services!);

    /// <summary>The same for the site whose services are given.</summary>
    public static async Task CaughtUpAsync(RegistryDatabase database, IServiceProvider site)
    {
        ArgumentNullException.ThrowIfNull(database);
        long latest;
        await using (var db = database.CreateContext())
        {
            latest = await db.Outbox.MaxAsync(m => (long?)m.Sequence) ?? 0;
        }

        var cache = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Registry.Web.Features.Certificates.Caching.CertificateRecordCache>(site);
        await Eventually.UntilAsync(() => cache.AppliedSequence >= latest, "the site's certificate cache applies the outbox", TimeSpan.FromSeconds(5));
    }
}

/// <summary>Asks for a page until an answer comes from the output cache.</summary>
public static class PageCacheProbe
{
    /// <summary>The first answer with an Age header (served from the cache), within 5 s.</summary>
    public static Task<HttpResponseMessage> CachedAsync(HttpClient client, Uri path) =>
        CachedAsync(client, () => new HttpRequestMessage(HttpMethod.Get, path), TimeSpan.FromSeconds(5));

    /// <summary>The first answer with an Age header to the request <paramref name="request"/> makes, within <paramref name="within"/>.</summary>
    public static async Task<HttpResponseMessage> CachedAsync(HttpClient client, Func<HttpRequestMessage> request, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            using var asked = request();
            var answer = await client.SendAsync(asked);
            if (answer.Headers.Age is not null)
            {
                return answer;
            }

            answer.Dispose();
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{asked.RequestUri} is never answered from the cache");
            await Task.Delay(50);
        }
    }
}
