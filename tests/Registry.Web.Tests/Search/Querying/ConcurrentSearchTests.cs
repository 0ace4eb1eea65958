using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

/// <summary>
/// Many searches at once give the same answers as one at a time. Lucene's doc values readers belong to
/// the thread that searched; reading facet counts after an await once garbled labels and threw under load.
/// </summary>
[Collection(SearchFixtureGroup.Name)]
public sealed class ConcurrentSearchTests(SearchFixture fixture)
{
    [Fact]
    public async Task Concurrent_searches_return_the_same_facets_and_hits_as_a_single_search()
    {
        var request = new SearchRequest { Text = "有限公司", PageSize = 20 };
        var expected = await fixture.SearchAsync(request);
        expected.TotalHits.ShouldBeGreaterThan(100);

        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => Task.Run(() => fixture.SearchAsync(request))));

            foreach (var result in results)
            {
                result.TotalHits.ShouldBe(expected.TotalHits);
                result.Hits.Select(h => h.Record.CertificateId).ShouldBe(expected.Hits.Select(h => h.Record.CertificateId));
                Describe(result.Facets).ShouldBe(Describe(expected.Facets));
            }
        }
    }

    private static string Describe(FacetCounts facets) =>
        string.Join("; ", new[] { facets.Statuses, facets.Levels, facets.Bodies, facets.Provinces }
            .Select(values => string.Join(",", values.Select(v => $"{v.Value}={v.Count}"))));
}
