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
    public static async Task CaughtUpAsync(RegistryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        long latest;
        await using (var db = database.CreateContext())
        {
            latest = await db.Outbox.MaxAsync(m => (long?)m.Sequence) ?? 0;
        }

        var cache = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Registry.Web.Features.Certificates.Caching.CertificateRecordCache>(database.Site.Services);
        await Eventually.UntilAsync(() => cache.AppliedSequence >= latest, "the site's certificate cache applies the outbox", TimeSpan.FromSeconds(5));
    }
}
