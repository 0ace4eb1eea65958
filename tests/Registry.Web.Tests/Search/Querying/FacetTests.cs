using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

/// <summary>Facet counts and totals against the same question asked of PostgreSQL directly.</summary>
[Collection(SearchFixtureGroup.Name)]
public sealed class FacetTests(SearchFixture fixture)
{
    // The status the domain gives on a day: final standings stay, anything else past its expiry is expired.
    private const string StatusSql = "CASE WHEN c.standing IN ('Withdrawn', 'Cancelled') THEN c.standing WHEN c.expires_on < @today THEN 'Expired' ELSE c.standing END";

    // Names (legal and former, one value each) containing every bigram of a typed name, or a scope that does.
    private const string NamesSql = "(o.legal_name_zh || ' ' || array_to_string(o.former_names, ' '))";

    private static readonly Dictionary<string, (SearchRequest Request, string Where)> Cases = new(StringComparer.Ordinal)
    {
        ["province filter alone"] = (new() { Provinces = ["37"] }, "o.province_code = '37'"),
        ["expired, computed from the expiry date"] = (new() { Statuses = [CertificateStatus.Expired] }, $"{StatusSql} = 'Expired'"),
        ["valid or suspended"] = (new() { Statuses = [CertificateStatus.Valid, CertificateStatus.Suspended] }, $"{StatusSql} IN ('Valid', 'Suspended')"),
        ["withdrawn or cancelled"] = (new() { Statuses = [CertificateStatus.Withdrawn, CertificateStatus.Cancelled] }, $"{StatusSql} IN ('Withdrawn', 'Cancelled')"),
        ["five-star from two bodies"] = (new() { Levels = ["five-star"], Bodies = ["DEMO01", "FXA"] }, "c.level = 'five-star' AND b.code IN ('DEMO01', 'FXA')"),
        ["two levels in two provinces"] = (new() { Levels = ["three-star", "compliant"], Provinces = ["44", "33"] }, "c.level IN ('three-star', 'compliant') AND o.province_code IN ('44', '33')"),
        ["expiring in the first half of 2027"] = (new() { ExpiresFrom = new(2027, 1, 1), ExpiresTo = new(2027, 6, 30) }, "c.expires_on BETWEEN '2027-01-01' AND '2027-06-30'"),
        ["expiring from a day on"] = (new() { ExpiresFrom = new(2029, 6, 1) }, "c.expires_on >= '2029-06-01'"),
        ["a name in Guangdong"] = (new() { Text = "有限公司", Provinces = ["44"] },
            $"o.province_code = '44' AND ({NamesSql} LIKE '%有限%' AND {NamesSql} LIKE '%限公%' AND {NamesSql} LIKE '%公司%' OR c.scope_zh LIKE '%有限%' AND c.scope_zh LIKE '%限公%' AND c.scope_zh LIKE '%公司%')"),
        ["a trade word, expired or withdrawn"] = (new() { Text = "家电", Statuses = [CertificateStatus.Expired, CertificateStatus.Withdrawn] },
            $"{StatusSql} IN ('Expired', 'Withdrawn') AND ({NamesSql} LIKE '%家电%' OR c.scope_zh LIKE '%家电%')"),
        ["a credit code"] = (new() { Text = FixtureData.CreditCodeOf("HSH").Value }, $"o.credit_code = '{FixtureData.CreditCodeOf("HSH").Value}'"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Every_facet_value_is_counted_as_postgresql_counts_it(string name)
    {
        var (request, where) = Cases[name];

        var results = await fixture.SearchAsync(request with { PageSize = 10 });

        var total = await fixture.ScalarAsync<long>($"SELECT count(*) {From} WHERE {where}", Today);
        total.ShouldBeGreaterThan(0, "a case that matches nothing would prove nothing");
        results.TotalHits.ShouldBe((int)total, name);
        Listed(results.Facets.Statuses).ShouldBe(await SqlFacetAsync(StatusSql, where), name);
        Listed(results.Facets.Levels).ShouldBe(await SqlFacetAsync("c.level", where), name);
        Listed(results.Facets.Bodies).ShouldBe(await SqlFacetAsync("b.code", where), name);
        Listed(results.Facets.Provinces).ShouldBe(await SqlFacetAsync("o.province_code", where), name);
        results.Facets.Statuses.Sum(v => v.Count).ShouldBe(results.TotalHits);
        results.Facets.Levels.Sum(v => v.Count).ShouldBe(results.TotalHits);
    }

    [Fact]
    public async Task The_whole_registry_is_counted_by_status_as_postgresql_counts_it()
    {
        var everyStatus = Enum.GetValues<CertificateStatus>().Where(s => s != CertificateStatus.NotIssued).ToList();

        var results = await fixture.SearchAsync(new SearchRequest { Statuses = everyStatus, PageSize = 1 });

        results.TotalHits.ShouldBe((int)fixture.CertificateCount);
        Listed(results.Facets.Statuses).ShouldBe(await SqlFacetAsync(StatusSql, "true"));
        results.Facets.Statuses.Select(v => v.Value).ShouldBe(everyStatus.Select(s => s.ToString()), ignoreOrder: true, "every status occurs");
    }

    [Fact]
    public async Task Facet_values_are_ordered_by_count_then_value()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "有限公司", PageSize = 1 });

        foreach (var values in new[] { results.Facets.Statuses, results.Facets.Levels, results.Facets.Bodies, results.Facets.Provinces })
        {
            values.Count.ShouldBeGreaterThan(1);
            values.ShouldBe([.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)]);
        }
    }

    [Fact]
    public async Task Facets_count_every_match_not_just_the_page_shown()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "海尔", PageSize = 1 });

        results.Hits.Count.ShouldBe(1);
        results.TotalHits.ShouldBe(5);
        Listed(results.Facets.Provinces).ShouldBe(["31=1", "37=4"]);
        Listed(results.Facets.Bodies).ShouldBe(["FXB=4", "FXC=1"]);
        Listed(results.Facets.Statuses).ShouldBe(["Expired=1", "Suspended=1", "Valid=3"]);
        Listed(results.Facets.Levels).ShouldBe(["five-star=1", "four-star=3", "three-star=1"]);
    }

    [Fact]
    public async Task No_match_has_no_facet_values()
    {
        var results = await fixture.SearchAsync("不存在的公司名称");

        results.TotalHits.ShouldBe(0);
        results.Facets.Statuses.ShouldBeEmpty();
        results.Facets.Provinces.ShouldBeEmpty();
    }

    private const string From = "FROM certificates c JOIN organisations o ON o.id = c.organisation_id JOIN certification_bodies b ON b.id = c.body_id";

    private static (string, object) Today => ("today", SearchFixture.Today);

    private async Task<List<string>> SqlFacetAsync(string expression, string where) =>
        Listed(await fixture.CountsAsync($"SELECT {expression}, count(*) {From} WHERE {where} GROUP BY 1", Today));

    private static List<string> Listed(IEnumerable<FacetValue> values) => Listed(values.ToDictionary(v => v.Value, v => v.Count));

    private static List<string> Listed(Dictionary<string, int> counts) =>
        [.. counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")];
}
