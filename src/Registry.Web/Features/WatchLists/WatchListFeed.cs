using System.ServiceModel.Syndication;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Site;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.WatchLists;

/// <summary>
/// GET /watch/{token}/feed.atom: an Atom feed (RFC 4287, written by System.ServiceModel.Syndication) with an entry for
/// each status change of the list's certificates, newest first, in the language of <c>?lang=</c> (Chinese by
/// default). Built from PostgreSQL on every request, so it shows a commit made on any instance; an ETag of the
/// document answers an unchanged poll with 304.
/// </summary>
public static class WatchListFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static async Task<IResult> GetAsync(string token, HttpContext http, WatchListStore store, IOptions<WatchListOptions> options,
        IOptions<VerificationOptions> verification, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (await store.FindByViewAsync(token, cancellationToken) is not { } list)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such watch list",
                detail: "No watch list has this link; it may have been deleted.", extensions: new Dictionary<string, object?> { ["code"] = "WATCH_LIST_NOT_FOUND" });
        }

        var changes = await store.ChangesAsync(list, since: null, options.Value.FeedEntries, cancellationToken);
        await store.MarkReadAsync(list, cancellationToken);
        var origin = "https://" + verification.Value.PublicHost;
        var bytes = Write(list, token.ToLowerInvariant(), changes, origin, text);
        var eTag = "\"" + Convert.ToBase64String(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
        http.Response.Headers.ETag = eTag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == eTag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, ContentType);
    }

    public static byte[] Write(WatchList list, string viewToken, IReadOnlyList<WatchedChange> changes, string origin, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(changes);
        var english = SiteExtensions.IsEnglish;
        var language = english ? "en" : "zh-CN";
        var page = new Uri($"{origin}/watch/{viewToken}?lang={language}");
        var updated = changes.Count > 0 ? changes[0].PublishedAt : list.CreatedAt;
        var feed = new SyndicationFeed(
            text["{0}: status changes", list.Name],
            text["Every status change of the certificates on this watch list, newest first, as the registry publishes it."],
            page,
            $"urn:star-registry:watch-list:{list.Id}",
            updated)
        {
            Language = language,
            Generator = "Star Registry",
        };
        feed.Authors.Add(new SyndicationPerson { Name = text["Star Registry"] });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri($"{origin}/watch/{viewToken}/feed.atom?lang={language}"), "application/atom+xml"));
        feed.Items = changes.Select(change => Entry(change, origin, language, text)).ToList();

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Entry(WatchedChange change, string origin, string language, IStringLocalizer text)
    {
        var holder = SiteExtensions.IsEnglish && change.HolderEn is { } english ? english : change.HolderZh;
        var label = Labels.Change(text, change.Kind);
        var item = new SyndicationItem(
            $"{change.Number} · {holder}: {label}",
            text["{0}: {1}, effective {2}, published {3}. Reason: {4}", change.Number, label,
                ReaderFormats.Day(change.EffectiveOn), ReaderFormats.Instant(change.PublishedAt), change.Reason],
            new Uri($"{origin}/certificates/{change.NormalizedNumber}?lang={language}"),
            $"urn:star-registry:status-event:{change.EventId}",
            change.PublishedAt)
        {
            PublishDate = change.PublishedAt,
        };
        item.Categories.Add(new SyndicationCategory(change.Kind.ToString()));
        return item;
    }
}
