using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

[Collection(SearchFixtureGroup.Name)]
public sealed class FilterTests(SearchFixture fixture)
{
    public static TheoryData<CertificateStatus> Statuses =>
        [CertificateStatus.Valid, CertificateStatus.Suspended, CertificateStatus.Withdrawn, CertificateStatus.Cancelled, CertificateStatus.Expired];

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_status_filter_keeps_exactly_the_certificates_in_that_status_today(CertificateStatus status)
    {
        var results = await fixture.SearchAsync(new SearchRequest { Statuses = [status], PageSize = SearchRequest.MaxPageSize });

        var expected = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM certificates WHERE CASE WHEN standing IN ('Withdrawn', 'Cancelled') THEN standing WHEN expires_on < @today THEN 'Expired' ELSE standing END = @status",
            ("today", SearchFixture.Today), ("status", status.ToString()));
        expected.ShouldBeGreaterThan(0);
        results.TotalHits.ShouldBe((int)expected);
        results.Hits.ShouldAllBe(h => h.Status == status);
    }

    [Theory]
    [InlineData("海尔智家", CertificateStatus.Valid, "CQCSV2023001 HSHSH2024003")]
    [InlineData("海尔智家", CertificateStatus.Expired, "HSH2020007")]
    [InlineData("海尔智家", CertificateStatus.Suspended, "HSH2025019")]
    [InlineData("长虹美菱", CertificateStatus.Expired, "ML20210909")]
    [InlineData("小米", CertificateStatus.Withdrawn, "XM20190001")]
    [InlineData("小米", CertificateStatus.Valid, "XM20230002")]
    [InlineData("万宝", CertificateStatus.Cancelled, "WB20230303")]
    [InlineData("方太", CertificateStatus.Expired, "FT20231123")]
    [InlineData("方太", CertificateStatus.Valid, "FT20240456")]
    public async Task A_status_filter_on_a_name_keeps_the_certificates_in_that_status(string text, CertificateStatus status, string numbers)
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = text, Statuses = [status] });

        results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(numbers.Split(' '), ignoreOrder: true);
        results.Hits.ShouldAllBe(h => h.Status == status);
    }

    [Fact]
    public async Task A_suspended_certificate_past_its_expiry_is_expired_not_suspended()
    {
        var suspended = await fixture.SearchAsync(new SearchRequest { Text = "长虹美菱", Statuses = [CertificateStatus.Suspended] });
        var expired = await fixture.SearchAsync(new SearchRequest { Text = "长虹美菱", Statuses = [CertificateStatus.Expired] });

        suspended.TotalHits.ShouldBe(0);
        expired.Hits.Single().Record.Standing.ShouldBe(CertificateStanding.Suspended);
        expired.Hits.Single().Status.ShouldBe(CertificateStatus.Expired);
    }

    [Fact]
    public async Task A_certificate_is_valid_on_its_last_day_and_expired_the_day_after()
    {
        var lastDay = await fixture.SearchAsync("SN-2023-1124");
        var dayAfter = await fixture.SearchAsync("FT-2023-1123");

        lastDay.Hits[0].Record.ExpiresOn.ShouldBe(SearchFixture.Today);
        lastDay.Hits[0].Status.ShouldBe(CertificateStatus.Valid);
        dayAfter.Hits[0].Record.ExpiresOn.ShouldBe(SearchFixture.Today.AddDays(-1));
        dayAfter.Hits[0].Status.ShouldBe(CertificateStatus.Expired);
        (await fixture.SearchAsync(new SearchRequest { Text = "SN-2023-1124", Statuses = [CertificateStatus.Valid] })).Hits
            .Select(h => h.Record.NormalizedNumber).ShouldContain("SN20231124");
        (await fixture.SearchAsync(new SearchRequest { Text = "FT-2023-1123", Statuses = [CertificateStatus.Valid] })).Hits
            .Select(h => h.Record.NormalizedNumber).ShouldNotContain("FT20231123");
    }

    [Fact]
    public async Task Level_filter()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Levels = ["three-star"] });

        results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["HSHSH2024003"]);
    }

    [Fact]
    public async Task Several_values_of_one_filter_are_alternatives()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Levels = ["three-star", "five-star"] });

        results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["CQCSV2023001", "HSHSH2024003"], ignoreOrder: true);
    }

    [Fact]
    public async Task Body_filter()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Bodies = ["FXC"] });

        results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["HSH2025019"]);
        results.Hits[0].Record.BodyCode.ShouldBe("FXC");
    }

    [Fact]
    public async Task Province_filter_follows_the_credit_codes_division()
    {
        var shanghai = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Provinces = ["31"] });
        var both = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Provinces = ["31", "37"] });
        var guangxi = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Provinces = ["45"] });

        shanghai.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["HSHSH2024003"]);
        both.TotalHits.ShouldBe(5);
        guangxi.TotalHits.ShouldBe(0);
    }

    [Fact]
    public async Task Filters_of_different_kinds_all_apply()
    {
        var results = await fixture.SearchAsync(new SearchRequest
        {
            Text = "海尔",
            Provinces = ["37"],
            Bodies = ["FXB"],
            Levels = ["four-star"],
            Statuses = [CertificateStatus.Valid],
        });

        results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["HRAC20240088"]);
    }

    [Fact]
    public async Task Expiry_range_includes_both_ends()
    {
        var range = await fixture.SearchAsync(new SearchRequest { Text = "海尔", ExpiresFrom = new(2026, 1, 1), ExpiresTo = new(2027, 12, 31) });
        var oneDay = await fixture.SearchAsync(new SearchRequest { Text = "海尔", ExpiresFrom = new(2026, 12, 14), ExpiresTo = new(2026, 12, 14) });
        var fromOnly = await fixture.SearchAsync(new SearchRequest { Text = "海尔", ExpiresFrom = new(2027, 9, 8) });
        var toOnly = await fixture.SearchAsync(new SearchRequest { Text = "海尔", ExpiresTo = new(2023, 5, 9) });

        range.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["CQCSV2023001", "HSHSH2024003", "HRAC20240088"], ignoreOrder: true);
        oneDay.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["CQCSV2023001"]);
        fromOnly.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["HSHSH2024003", "HSH2025019"], ignoreOrder: true);
        toOnly.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["HSH2020007"]);
    }

    [Fact]
    public async Task Expiry_range_over_the_whole_registry_matches_postgresql()
    {
        var results = await fixture.SearchAsync(new SearchRequest { ExpiresFrom = new(2027, 3, 1), ExpiresTo = new(2027, 3, 31), PageSize = SearchRequest.MaxPageSize });

        var expected = await fixture.ScalarAsync<long>("SELECT count(*) FROM certificates WHERE expires_on BETWEEN '2027-03-01' AND '2027-03-31'");
        results.TotalHits.ShouldBe((int)expected);
        results.Hits.ShouldAllBe(h => h.Record.ExpiresOn >= new DateOnly(2027, 3, 1) && h.Record.ExpiresOn <= new DateOnly(2027, 3, 31));
    }

    [Fact]
    public async Task Filter_values_nobody_has_match_nothing_rather_than_everything()
    {
        (await fixture.SearchAsync(new SearchRequest { Levels = ["ten-star"] })).TotalHits.ShouldBe(0);
        (await fixture.SearchAsync(new SearchRequest { Bodies = ["NOBODY"] })).TotalHits.ShouldBe(0);
        (await fixture.SearchAsync(new SearchRequest { Provinces = ["99"] })).TotalHits.ShouldBe(0);
        (await fixture.SearchAsync(new SearchRequest { Statuses = [CertificateStatus.NotIssued] })).TotalHits.ShouldBe(0);
        (await fixture.SearchAsync(new SearchRequest { Statuses = [(CertificateStatus)99] })).TotalHits.ShouldBe(0);
    }
}
