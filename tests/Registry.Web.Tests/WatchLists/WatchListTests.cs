using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.WatchLists;

namespace Registry.Web.Tests.WatchLists;

/// <summary>Watch lists on the shared test database: saved from a check, followed by feed, edited and deleted through their links.</summary>
public sealed partial class WatchListTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_suspension_published_through_the_api_is_in_the_feed_within_a_second_on_another_instance()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var first = await api.IssueAsync();
        var second = await api.IssueAsync();
        using var pages = database.Site.CreatePageClient();
        var (_, view) = await TestSupport.WatchLists.CreateAsync(pages, [first.Number, second.Number, "TST-2099-NEVER-ISSUED-3"], "Tender 2026-17");

        // A second instance on the same database answers the feed reader.
        using var otherInstance = new HttpClient { BaseAddress = database.BrowserSiteAddress };
        var before = TestSupport.WatchLists.Entries(await TestSupport.WatchLists.FeedAsync(otherInstance, view));
        before.Select(TestSupport.WatchLists.Category).ShouldBe(["Issued", "Issued"]);

        using (var suspended = await api.PostAsync($"/api/publishing/certificates/{first.Number}/suspend",
                   new { expectedVersion = first.Version, effectiveOn = PublishingApiClient.Today, reason = "Surveillance audit failed" }))
        {
            suspended.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<System.Xml.Linq.XElement> entries;
        do
        {
            entries = TestSupport.WatchLists.Entries(await TestSupport.WatchLists.FeedAsync(otherInstance, view));
        }
        while (entries.Count < 3 && clock.Elapsed < TimeSpan.FromSeconds(5) && await Delay());

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "the feed shows a change within a second of its commit");
        var newest = entries[0];
        TestSupport.WatchLists.Category(newest).ShouldBe("Suspended", "newest first");
        newest.Element(TestSupport.WatchLists.Atom + "title")!.Value.ShouldContain(first.Number);
        newest.Element(TestSupport.WatchLists.Atom + "title")!.Value.ShouldContain("暂停");
        newest.Element(TestSupport.WatchLists.Atom + "content")!.Value.ShouldContain("Surveillance audit failed");
        newest.Element(TestSupport.WatchLists.Atom + "id")!.Value.ShouldStartWith("urn:star-registry:status-event:");

        var english = TestSupport.WatchLists.Entries(await TestSupport.WatchLists.FeedAsync(otherInstance, view, "en"));
        english[0].Element(TestSupport.WatchLists.Atom + "title")!.Value.ShouldContain("Suspended");
        (await TestSupport.WatchLists.FeedAsync(otherInstance, view, "en")).Root!.Element(TestSupport.WatchLists.Atom + "title")!.Value.ShouldContain("Tender 2026-17");
    }

    [Fact]
    public async Task The_page_marks_what_changed_since_the_last_visit_once()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        var untouched = await api.IssueAsync();
        using var pages = database.Site.CreatePageClient();
        var (_, view) = await TestSupport.WatchLists.CreateAsync(pages, [issued.Number, untouched.Number]);
        var firstVisit = await pages.GetStringAsync(new Uri($"/watch/{view}", UriKind.Relative));
        firstVisit.ShouldNotContain("data-testid=\"changed-since-visit\"");

        using (var withdrawn = await api.PostAsync($"/api/publishing/certificates/{issued.Number}/withdraw",
                   new { expectedVersion = issued.Version, effectiveOn = PublishingApiClient.Today, reason = "Fraudulent audit" }))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var secondVisit = await pages.GetStringAsync(new Uri($"/watch/{view}", UriKind.Relative));
        Regex.Count(secondVisit, "data-testid=\"changed-since-visit\" data-kind=\"Withdrawn\"").ShouldBe(1);
        secondVisit.ShouldContain("data-testid=\"since-visit\" data-changes=\"1\"");
        secondVisit.ShouldContain("data-status=\"Withdrawn\"");
        var thirdVisit = await pages.GetStringAsync(new Uri($"/watch/{view}", UriKind.Relative));
        thirdVisit.ShouldNotContain("data-testid=\"changed-since-visit\"", customMessage: "seen on the previous visit");
        thirdVisit.ShouldContain("data-status=\"Withdrawn\"");
    }

    [Fact]
    public async Task Each_link_opens_only_its_own_door()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        using var pages = database.Site.CreatePageClient();
        var (edit, view) = await TestSupport.WatchLists.CreateAsync(pages, [issued.Number]);

        (await pages.GetAsync(new Uri($"/watch/{view}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pages.GetAsync(new Uri($"/watch/edit/{edit}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in new[] { $"/watch/edit/{view}", $"/watch/{edit}", $"/watch/{edit}/feed.atom", "/watch/edit/short", "/watch/%3Cscript%3E",
                     $"/watch/{WatchListTokens.New().View}", $"/watch/{WatchListTokens.New().View}/feed.atom" })
        {
            using var response = await pages.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        var page = await pages.GetAsync(new Uri($"/watch/{view.ToUpperInvariant()}", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "a link typed in capitals still opens");
        page.Headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");
        (await page.Content.ReadAsStringAsync()).ShouldNotContain(edit, customMessage: "the view page never shows the edit secret");

        await using var db = database.CreateContext();
        var stored = await db.WatchLists.AsNoTracking().SingleAsync(l => l.ViewHash == WatchListTokens.Hash(view));
        Encoding.ASCII.GetString(stored.ViewHash).ShouldNotContain(view);
        stored.EditHash.ShouldBe(WatchListTokens.Hash(edit));
    }

    [Fact]
    public async Task Lists_that_match_nothing_or_are_malformed_are_refused_and_nothing_is_saved()
    {
        using var pages = database.Site.CreatePageClient();
        int before;
        await using (var db = database.CreateContext())
        {
            before = await db.WatchLists.CountAsync();
        }

        using (var nothing = await TestSupport.WatchLists.PostAsync(pages, ["TST-2099-NEVER-ISSUED-4", "91370200163562681H"]))
        {
            nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await nothing.Content.ReadAsStringAsync()).ShouldContain("data-code=\"NOTHING_TO_WATCH\"");
        }

        using (var badName = await TestSupport.WatchLists.PostAsync(pages, ["X"], new string('名', WatchList.MaxNameLength + 1)))
        {
            (await badName.Content.ReadAsStringAsync()).ShouldContain("data-code=\"MALFORMED_NAME\"");
        }

        using (var badRows = await pages.PostAsync(new Uri("/watch", UriKind.Relative), new FormUrlEncodedContent([new("rows", "{\"Rows\": 5}")])))
        {
            badRows.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await badRows.Content.ReadAsStringAsync()).ShouldContain("data-code=\"MALFORMED_FORM\"");
        }

        using (var tooMany = await TestSupport.WatchLists.PostAsync(pages, Enumerable.Range(0, 1002).Select(i => $"TST-{i:D6}-Y")))
        {
            ((int)tooMany.StatusCode).ShouldBe(413);
            (await tooMany.Content.ReadAsStringAsync()).ShouldContain("data-code=\"TOO_MANY_ROWS\"");
        }

        await using (var db = database.CreateContext())
        {
            (await db.WatchLists.CountAsync()).ShouldBeLessThanOrEqualTo(before + 20, "other tests may save lists meanwhile, this one saved none");
        }
    }

    [Fact]
    public async Task A_list_holds_at_most_the_configured_number_of_certificates()
    {
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: new Dictionary<string, string> { ["WatchLists:MaxCertificates"] = "2" });
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await api.IssueAsync()).Number);
        }

        using var pages = site.CreatePageClient();
        using var tooMany = await TestSupport.WatchLists.PostAsync(pages, numbers);
        ((int)tooMany.StatusCode).ShouldBe(413);
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("data-code=\"TOO_MANY_CERTIFICATES\"");

        var (edit, _) = await TestSupport.WatchLists.CreateAsync(pages, numbers.Take(2));
        await using var db = database.CreateContext();
        var list = await db.WatchLists.AsNoTracking().SingleAsync(l => l.EditHash == WatchListTokens.Hash(edit));
        var store = new WatchListStore(db, site.Services.CreateScope().ServiceProvider.GetRequiredService<Registry.Web.Features.Checks.BulkChecker>(),
            site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WatchListOptions>>(), TimeProvider.System);
        var (table, _) = Registry.Web.Features.Input.Tables.TableFile.FromCells([[numbers[2]]], 10);
        var added = await store.AddAsync(list, table!, CancellationToken.None);
        added.Problem.ShouldNotBeNull().Code.ShouldBe("TOO_MANY_CERTIFICATES");
        (await db.WatchListItems.CountAsync(i => i.WatchListId == list.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task An_unchanged_feed_answers_a_repeated_poll_with_304()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        using var pages = database.Site.CreatePageClient();
        var (_, view) = await TestSupport.WatchLists.CreateAsync(pages, [issued.Number]);
        using var first = await pages.GetAsync(new Uri($"/watch/{view}/feed.atom", UriKind.Relative));
        var eTag = first.Headers.ETag.ShouldNotBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/watch/{view}/feed.atom");
        request.Headers.IfNoneMatch.Add(eTag);
        using var again = await pages.SendAsync(request);

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Lists_nobody_reads_are_deleted_after_the_retention()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        using var pages = database.Site.CreatePageClient();
        var (_, forgotten) = await TestSupport.WatchLists.CreateAsync(pages, [issued.Number]);
        var (_, read) = await TestSupport.WatchLists.CreateAsync(pages, [issued.Number]);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var age = new NpgsqlCommand("UPDATE watch_lists SET last_read_at = now() - interval '401 days' WHERE view_hash = @hash", connection))
        {
            age.Parameters.AddWithValue("hash", WatchListTokens.Hash(forgotten)!);
            (await age.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var deleted = await database.Site.Services.GetRequiredService<WatchListPruner>().PruneAsync(CancellationToken.None);

        deleted.ShouldBeGreaterThanOrEqualTo(1);
        (await pages.GetAsync(new Uri($"/watch/{forgotten}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync(new Uri($"/watch/{read}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }
}
