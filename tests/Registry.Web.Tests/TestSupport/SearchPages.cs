using AngleSharp.Html.Parser;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// Requests to the in-process site's search pages, which answer 503 while the site builds its first index of the
/// shared test database, and find a new certificate only once the index has applied it.
/// </summary>
public static class SearchPages
{
    private static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(90);

    /// <summary>GETs an address, waiting while the site is still building its first index (503).</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTimeOffset.UtcNow + IndexWait;
        while (true)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTimeOffset.UtcNow > deadline)
            {
                return response;
            }

            (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"not-ready\"");
            response.Dispose();
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Searches for a certificate number until the results list it; returns that page's HTML.</summary>
    public static async Task<string> WaitUntilFoundAsync(HttpClient client, string number)
    {
        var parser = new HtmlParser();
        var deadline = DateTimeOffset.UtcNow + IndexWait;
        while (true)
        {
            using var response = await GetAsync(client, "/search?q=" + number);
            var html = await response.Content.ReadAsStringAsync();
            if (parser.ParseDocument(html).QuerySelector($"[data-testid=hits] li[data-number={number}]") is not null)
            {
                return html;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"the site's index never showed {number}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
