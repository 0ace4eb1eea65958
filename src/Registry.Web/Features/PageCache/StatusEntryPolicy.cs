using Microsoft.AspNetCore.OutputCaching;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// The policy of one family of cached answers (see README.md, "How fresh"). The key is the path, the query exactly as
/// sent and the language, plus what makes a stale entry unreachable by construction: the change mark of the certificate
/// the answer is about, or the whole registry's applied outbox position, and the signing-key set's fingerprint where keys
/// show; all read from memory the outbox follower and the key store keep in step. The entry lives at most
/// <see cref="PageCacheOptions.StatusLifetime"/> and never past the next midnight in China, when a status can
/// change by date alone. Nothing is looked up or stored while the marks cannot be trusted.
/// Like ASP.NET's default policy, only GET and HEAD without credentials are cached, and only 200 answers that set no cookie.
/// </summary>
internal sealed class StatusEntryPolicy(PageCacheFamily family, bool enabled) : IOutputCachePolicy
{
    public const string MarkKey = "mark";
    public const string KeysKey = "keys";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        context.EnableOutputCaching = true;
        context.AllowLocking = true;
        if (!enabled || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Headers.Authorization.Count > 0 || http.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        var entries = http.RequestServices.GetRequiredService<PageCacheEntries>();
        var vary = context.CacheVaryByRules.VaryByValues;
        if (!entries.TryVary(family, http, vary, out var certificate))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            entries.Metrics.Bypassed(family);
            return ValueTask.CompletedTask;
        }

        // The query exactly as sent, not a normalised one: a page links its own query back (the language switch),
        // so two orders of the same parameters are two entries. (ASP.NET's rule of every query key is not used: it
        // sorts each parameter's values in place, which reorders Request.Query for the page itself.)
        vary["query"] = http.Request.QueryString.Value ?? string.Empty;
        vary["lang"] = CultureInfo.CurrentUICulture.Name;

        // One document answers as application/json or application/graphql-response+json, as the client asks.
        if (family == PageCacheFamily.GraphQL)
        {
            context.CacheVaryByRules.HeaderNames = "Accept";
        }

        // Every instance shares the entries, whatever address it was reached at; no cached answer writes the Host header back.
        context.CacheVaryByRules.VaryByHost = false;

        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.Tags.Add(family.Name);
        if (certificate is not null)
        {
            context.Tags.Add(PageCacheTags.Certificate(certificate));
        }

        context.ResponseExpirationTimeSpan = entries.LifetimeOf(family);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var metrics = http.RequestServices.GetRequiredService<PageCacheEntries>().Metrics;
        metrics.Hit(family);
        http.Response.OnStarting(() =>
        {
            if (int.TryParse(http.Response.Headers.Age, NumberStyles.None, CultureInfo.InvariantCulture, out var age))
            {
                metrics.ServedAge(family, TimeSpan.FromSeconds(age));
            }

            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        if (context.AllowCacheLookup)
        {
            context.HttpContext.RequestServices.GetRequiredService<PageCacheEntries>().Metrics.Miss(family);
        }

        return ValueTask.CompletedTask;
    }
}
