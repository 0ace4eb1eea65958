using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

[Collection(SearchFixtureGroup.Name)]
public sealed class RelevanceTests(SearchFixture fixture)
{
    [Fact]
    public void The_suite_has_at_least_forty_cases_covering_every_category()
    {
        var descriptions = RelevanceCases.All.Select(row => row.Data.Item1).ToList();

        descriptions.Count.ShouldBeGreaterThanOrEqualTo(40);
        descriptions.ShouldBeUnique();
        string[] categories =
        [
            RelevanceCases.PartialName, RelevanceCases.Traditional, RelevanceCases.FullWidth, RelevanceCases.Number,
            RelevanceCases.CreditCode, RelevanceCases.English, RelevanceCases.Brand, RelevanceCases.FormerName,
            RelevanceCases.WholeName, RelevanceCases.Typo, RelevanceCases.NoMatch, RelevanceCases.LuceneSyntax,
        ];
        foreach (var category in categories)
        {
            descriptions.Count(d => d.StartsWith(category + ":", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2, category);
        }
    }

    [Theory]
    [MemberData(nameof(RelevanceCases.All), MemberType = typeof(RelevanceCases))]
    public async Task Finds_the_right_certificate_first(string description, string query, Expect expect, string[] expected)
    {
        var results = await fixture.SearchAsync(query);
        var numbers = results.Hits.Select(h => h.Record.NormalizedNumber).ToList();
        var shown = $"{description} — “{query}” gave {results.TotalHits}: {string.Join(", ", numbers.Take(10))}";

        switch (expect)
        {
            case Expect.First:
                expected.Length.ShouldBe(1);
                numbers.FirstOrDefault().ShouldBe(expected[0], shown);
                break;
            case Expect.InOrder:
                numbers.Take(expected.Length).ShouldBe(expected, shown);
                break;
            case Expect.Top:
                numbers.Take(expected.Length).ShouldBe(expected, ignoreOrder: true, shown);
                break;
            case Expect.Exactly:
                results.TotalHits.ShouldBe(expected.Length, shown);
                numbers.ShouldBe(expected, ignoreOrder: true, shown);
                break;
            case Expect.Nothing:
                results.TotalHits.ShouldBe(0, shown);
                numbers.ShouldBeEmpty(shown);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expect), expect, null);
        }

        expected.ShouldAllBe(n => FixtureData.Certificates.Any(c => c.Certificate.Normalized == n), "every expected number is a fixture certificate");
    }

    [Fact]
    public async Task An_exact_number_beats_a_name_that_contains_the_same_digits()
    {
        var results = await fixture.SearchAsync("95270001");

        results.Interpretation.Kind.ShouldBe(QueryKind.NumberOrName);
        results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["95270001", "FX20250099"]);
        results.Hits[0].Record.LegalNameZh.ShouldNotContain("95270001");
        results.Hits[1].Record.LegalNameZh.ShouldContain("95270001");
        results.Hits[0].Score.ShouldBeGreaterThan(results.Hits[1].Score * 10);
    }

    [Fact]
    public async Task An_exact_number_beats_a_longer_number_that_starts_with_it()
    {
        var results = await fixture.SearchAsync("SC-2024/0012");

        results.Hits.Select(h => h.Record.Number).ShouldBe(["SC-2024/0012", "SC-2024/00123"]);
        results.Hits[0].Score.ShouldBeGreaterThan(results.Hits[1].Score * 10);
    }

    [Fact]
    public async Task A_whole_name_ranks_above_a_longer_name_that_contains_it()
    {
        var results = await fixture.SearchAsync("海尔智家股份有限公司");

        results.Hits.Select(h => h.Record.LegalNameZh).ShouldBe(
            ["海尔智家股份有限公司", "海尔智家股份有限公司", "海尔智家股份有限公司", "海尔智家股份有限公司上海销售分公司"]);
        results.Hits[2].Score.ShouldBeGreaterThan(results.Hits[3].Score * 10);
    }

    [Fact]
    public async Task A_whole_former_name_ranks_like_a_whole_name()
    {
        var results = await fixture.SearchAsync("苏宁云商集团股份有限公司");

        results.Hits.Take(2).ShouldAllBe(h => h.Record.FormerNames.Contains("苏宁云商集团股份有限公司"));
        results.Hits.Skip(2).ShouldAllBe(h => h.Score * 10 < results.Hits[1].Score);
    }

    [Fact]
    public async Task Whole_name_quoted_or_pasted_with_invisible_characters_still_counts_as_whole()
    {
        var plain = await fixture.SearchAsync("梦金园黄金珠宝集团股份有限公司");
        var quoted = await fixture.SearchAsync("「梦金园黄金珠宝集团股份有限公司」");
        var pasted = await fixture.SearchAsync("\uFEFF梦金园黄金珠宝集团\u200B股份有限公司\u200E");

        quoted.Hits.Single().Score.ShouldBe(plain.Hits.Single().Score, 0.0001);
        pasted.Hits.Single().Score.ShouldBe(plain.Hits.Single().Score, 0.0001);
    }

    [Fact]
    public async Task A_credit_code_returns_exactly_that_organisations_certificates()
    {
        var code = FixtureData.CreditCodeOf("HSH").Value;

        var results = await fixture.SearchAsync(code);

        results.Interpretation.Kind.ShouldBe(QueryKind.CreditCode);
        results.Hits.ShouldAllBe(h => h.Record.CreditCode == code);
        var inDatabase = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM certificates c JOIN organisations o ON o.id = c.organisation_id WHERE o.credit_code = @code", ("code", code));
        inDatabase.ShouldBe(3);
        results.TotalHits.ShouldBe((int)inDatabase);
        results.Hits.Select(h => h.Status).ShouldBe(
            [Registry.Domain.Lifecycle.CertificateStatus.Valid, Registry.Domain.Lifecycle.CertificateStatus.Expired, Registry.Domain.Lifecycle.CertificateStatus.Suspended],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_demo_organisations_credit_code_finds_its_certificates_among_the_noise()
    {
        var code = await fixture.ScalarAsync<string>(
            "SELECT o.credit_code FROM organisations o JOIN certificates c ON c.organisation_id = o.id WHERE o.is_demo GROUP BY o.credit_code HAVING count(*) > 1 ORDER BY o.credit_code LIMIT 1");
        var expected = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM certificates c JOIN organisations o ON o.id = c.organisation_id WHERE o.credit_code = @code", ("code", code));

        var results = await fixture.SearchAsync(code.ToLowerInvariant());

        results.TotalHits.ShouldBe((int)expected);
        results.Hits.ShouldAllBe(h => h.Record.CreditCode == code);
    }

    [Fact]
    public async Task Every_certificate_of_the_fixture_is_found_first_by_its_printed_number()
    {
        foreach (var (_, certificate) in FixtureData.Certificates)
        {
            var results = await fixture.SearchAsync(certificate.Number, pageSize: 1);

            results.Hits.Single().Record.Number.ShouldBe(certificate.Number);
        }
    }

    [Fact]
    public async Task Every_organisation_of_the_fixture_is_found_first_by_its_whole_name_in_traditional_characters()
    {
        foreach (var organisation in FixtureData.Organisations)
        {
            var traditional = ToTraditional(organisation.NameZh);

            var results = await fixture.SearchAsync(traditional, pageSize: organisation.Certificates.Length);

            results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(
                organisation.Certificates.Select(c => c.Normalized), ignoreOrder: true, $"{traditional} ({organisation.Key})");
        }
    }

    // The fixture's names in traditional characters, character by character (the reverse of the index's folding).
    private static string ToTraditional(string simplified)
    {
        var reverse = new Dictionary<char, char>
        {
            ['梦'] = '夢', ['园'] = '園', ['尔'] = '爾', ['团'] = '團', ['苏'] = '蘇', ['宁'] = '寧', ['购'] = '購', ['华'] = '華', ['为'] = '為', ['终'] = '終',
            ['联'] = '聯', ['长'] = '長', ['红'] = '紅', ['龙'] = '龍', ['凯'] = '凱', ['广'] = '廣', ['万'] = '萬', ['宝'] = '寶', ['厨'] = '廚', ['电'] = '電',
            ['岛'] = '島', ['调'] = '調', ['东'] = '東', ['门'] = '門', ['鹭'] = '鷺', ['净'] = '淨', ['乌'] = '烏', ['鲁'] = '魯', ['齐'] = '齊', ['维'] = '維',
            ['务'] = '務', ['贸'] = '貿', ['术'] = '術', ['设'] = '設', ['备'] = '備', ['制'] = '製', ['视'] = '視', ['产'] = '產', ['业'] = '業', ['讯'] = '訊',
            ['销'] = '銷', ['环'] = '環', ['饰'] = '飾', ['黄'] = '黃', ['热'] = '熱', ['厦'] = '廈', ['声'] = '聲', ['云'] = '雲', ['庄'] = '莊', ['车'] = '車',
            ['动'] = '動', ['馆'] = '館', ['质'] = '質', ['际'] = '際', ['发'] = '發', ['庆'] = '慶', ['湾'] = '灣', ['仪'] = '儀', ['刘'] = '劉', ['陈'] = '陳',
            ['杨'] = '楊',
        };
        return new string([.. simplified.Select(c => reverse.GetValueOrDefault(c, c))]);
    }
}
