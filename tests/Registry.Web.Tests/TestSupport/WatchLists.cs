using System.Xml.Linq;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.WatchLists;

namespace Registry.Web.Tests.TestSupport;

/// <summary>Watch lists saved through the site's form, and their feeds read as a feed reader does.</summary>
public static class WatchLists
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Saves the cells as a list; returns the edit token (from the 303's Location) and the view token derived from it.</summary>
    public static async Task<(string Edit, string View)> CreateAsync(HttpClient pages, IEnumerable<string> cells, string name = "")
    {
        using var response = await PostAsync(pages, cells, name);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/watch/edit/");
        var edit = location["/watch/edit/".Length..location.IndexOf('?', StringComparison.Ordinal)];
        return (edit, WatchListTokens.ViewOf(edit));
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient pages, IEnumerable<string> cells, string name = "")
    {
        var (table, problem) = TableFile.FromCells(cells.Select(c => (IReadOnlyList<string>)[c]), CheckRows.MaxRows + 10);
        problem.ShouldBeNull();
        return pages.PostAsync(new Uri("/watch", UriKind.Relative), new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>(CheckPostedRows.Field, CheckPostedRows.Write(table!)),
            new KeyValuePair<string, string>("name", name),
        ]));
    }

    public static async Task<XDocument> FeedAsync(HttpClient client, string view, string language = "zh-CN")
    {
        using var response = await client.GetAsync(new Uri($"/watch/{view}/feed.atom?lang={language}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static IReadOnlyList<XElement> Entries(XDocument feed) => [.. feed.Root!.Elements(Atom + "entry")];

    public static string Category(XElement entry) => entry.Element(Atom + "category")!.Attribute("term")!.Value;
}
