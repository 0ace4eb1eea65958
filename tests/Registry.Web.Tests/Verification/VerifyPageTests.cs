using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Registry.Signing.Payloads;

namespace Registry.Web.Tests.Verification;

/// <summary>The /v/ page a phone camera opens, and the /verify paste box: one verdict each, in Chinese by default.</summary>
[Collection(VerificationSiteGroup.Name)]
public sealed class VerifyPageTests(VerificationSite site)
{
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task A_valid_certificate_reads_valid_with_the_time_it_was_true_at_and_a_link_to_its_page()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);

        var (status, page) = await GetAsync(PathOf(link));

        status.ShouldBe(HttpStatusCode.OK);
        var verdict = Verdict(page);
        verdict.GetAttribute("data-kind").ShouldBe("GenuineValid");
        verdict.ClassList.ShouldContain("status-valid");
        verdict.QuerySelector("[data-testid=label]")!.TextContent.ShouldBe("真实有效 Genuine and valid");
        verdict.QuerySelector("[data-testid=as-of]")!.TextContent.ShouldStartWith("状态截至 ");
        verdict.QuerySelector("[data-testid=as-of]")!.TextContent.ShouldEndWith("UTC+8");
        page.QuerySelector("[data-testid=certificate-link]")!.GetAttribute("href").ShouldStartWith("/certificates/TST2025");
        page.QuerySelectorAll("[data-testid=claims] tbody tr").Select(r => r.GetAttribute("data-field"))
            .ShouldBe(["number", "creditCode", "level", "issuedOn", "expiresOn", "medium", "signedOn", "signedBy"]);
        page.QuerySelector("[data-testid=claims] tr[data-field=level] [data-testid=signed]")!.TextContent.ShouldBe("★★★★ 四星级");
        page.QuerySelectorAll("[data-testid=registry]").ShouldBeEmpty("the registry column appears only when something differs");
    }

    [Fact]
    public async Task Scanners_that_keep_upper_case_and_apps_that_lower_case_both_land_on_the_verdict()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);
        var payload = VerificationScenarios.PayloadOf(link);

        (await KindAsync("/V/" + payload)).ShouldBe("GenuineValid");
        (await KindAsync("/v/" + payload.ToLowerInvariant())).ShouldBe("GenuineValid");
        (await KindAsync("/v/" + payload + "?lang=en")).ShouldBe("GenuineValid");
    }

    [Theory]
    [InlineData(CertificateStatus.Suspended, "已暂停 Certificate suspended")]
    [InlineData(CertificateStatus.Withdrawn, "已撤销 Certificate withdrawn")]
    [InlineData(CertificateStatus.Cancelled, "已注销 Certificate cancelled")]
    [InlineData(CertificateStatus.Expired, "已过期 Certificate expired")]
    public async Task A_certificate_that_is_not_valid_says_so_loudly_with_date_and_reason(CertificateStatus status, string label)
    {
        var (_, link) = await SiteScenarios.WithStatusAsync(site.Scenarios, status);

        var (code, page) = await GetAsync(PathOf(link));

        code.ShouldBe(HttpStatusCode.OK);
        var verdict = Verdict(page);
        verdict.GetAttribute("data-kind").ShouldBe("GenuineNotValid");
        verdict.GetAttribute("data-status").ShouldBe(status.ToString());
        verdict.ClassList.ShouldContain("verify-alarm");
        verdict.QuerySelector("[data-testid=label]")!.TextContent.ShouldBe(label);
        var detail = verdict.QuerySelector("[data-testid=detail]")!.TextContent;
        switch (status)
        {
            case CertificateStatus.Expired:
                detail.ShouldBe("本证书已于 2025-05-31 过期，现已失效。");
                break;
            case CertificateStatus.Suspended:
                detail.ShouldBe($"自 2025-12-01 起：{SiteScenarios.SuspensionReason}");
                break;
            default:
                detail.ShouldStartWith("自 2025-12-01 起：");
                break;
        }

        verdict.QuerySelector("[data-testid=as-of]")!.TextContent.ShouldStartWith("状态截至 ");
    }

    [Fact]
    public async Task A_withdrawn_certificate_reads_withdrawn_in_english_too()
    {
        var (_, link) = await SiteScenarios.WithStatusAsync(site.Scenarios, CertificateStatus.Withdrawn);

        var (_, page) = await GetAsync(PathOf(link) + "?lang=en");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        var verdict = Verdict(page);
        verdict.QuerySelector("[data-testid=label]")!.TextContent.ShouldBe("Certificate withdrawn");
        verdict.QuerySelector("[data-testid=kicker]")!.TextContent.ShouldBe("Genuine code, but the certificate is not valid");
        verdict.QuerySelector("[data-testid=detail]")!.TextContent.ShouldBe($"Since 2025-12-01: {SiteScenarios.WithdrawalReason}");
        verdict.QuerySelector("[data-testid=as-of]")!.TextContent.ShouldStartWith("Status as of ");
    }

    [Fact]
    public async Task A_lowered_level_shows_the_signed_and_the_registry_level_side_by_side()
    {
        var link = await SiteScenarios.LevelLoweredAsync(site.Scenarios);

        var (_, page) = await GetAsync(PathOf(link));

        Verdict(page).GetAttribute("data-kind").ShouldBe("GenuineChanged");
        Verdict(page).QuerySelector("[data-testid=label]")!.TextContent.ShouldBe("信息已变更 Details changed");
        var level = page.QuerySelector("[data-testid=claims] tr[data-field=level]")!;
        level.ClassList.ShouldContain("differs");
        level.QuerySelector("[data-testid=signed]")!.TextContent.ShouldBe("★★★★ 四星级");
        level.QuerySelector("[data-testid=registry]")!.TextContent.ShouldBe("★★★ 三星级");
        page.QuerySelector("[data-testid=claims] tr[data-field=creditCode]")!.ClassList.ShouldNotContain("differs");
    }

    [Fact]
    public async Task A_code_naming_another_holder_shows_both_credit_codes()
    {
        var link = await SiteScenarios.OtherHolderAsync(site.Scenarios);

        var (_, page) = await GetAsync(PathOf(link));

        Verdict(page).GetAttribute("data-kind").ShouldBe("GenuineChanged");
        var row = page.QuerySelector("[data-testid=claims] tr[data-field=creditCode]")!;
        row.ClassList.ShouldContain("differs");
        row.QuerySelector("[data-testid=signed]")!.TextContent.ShouldNotBe(row.QuerySelector("[data-testid=registry]")!.TextContent);
    }

    [Fact]
    public async Task A_number_the_registry_never_issued_is_not_found_and_says_why()
    {
        var link = await SiteScenarios.NeverIssuedAsync(site.Scenarios);

        var (status, page) = await GetAsync(PathOf(link));

        status.ShouldBe(HttpStatusCode.OK);
        var verdict = Verdict(page);
        verdict.GetAttribute("data-kind").ShouldBe("NotFound");
        verdict.GetAttribute("data-code").ShouldBe("NEVER_ISSUED");
        verdict.QuerySelector("[data-testid=label]")!.TextContent.ShouldBe("查无此证 Certificate not found");
        verdict.QuerySelector("[data-testid=detail]")!.TextContent.ShouldContain("从未在此登记");
    }

    [Fact]
    public async Task Every_kind_of_forgery_is_not_genuine_explained_plainly_with_200()
    {
        foreach (var (code, scanned) in await SiteScenarios.NotGenuineAsync(site.Scenarios))
        {
            var (status, page) = await GetAsync(PathOf(scanned) + "?lang=en");

            status.ShouldBe(HttpStatusCode.OK, code);
            var verdict = Verdict(page);
            verdict.GetAttribute("data-kind").ShouldBe("NotGenuine", code);
            verdict.GetAttribute("data-code").ShouldBe(code);
            verdict.QuerySelector("[data-testid=label]")!.TextContent.ShouldBe("Not genuine");
            verdict.QuerySelector("[data-testid=detail]")!.TextContent.ShouldNotContain("COSE", Case.Sensitive, "the page leads with plain words");
            page.QuerySelector("[data-testid=reason-code]")!.TextContent.ShouldBe(code);
            page.QuerySelector("[data-testid=claims]").ShouldBeNull("claims that are not genuine are not shown as facts");
        }
    }

    [Fact]
    public async Task Anything_after_the_payload_makes_the_code_not_genuine()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);

        foreach (var suffix in new[] { "/", "/EXTRA", "?x=1", "/EXTRA?lang=en" })
        {
            var (status, page) = await GetAsync(PathOf(link) + suffix);

            status.ShouldBe(HttpStatusCode.OK, suffix);
            Verdict(page).GetAttribute("data-code").ShouldBe("BAD_URL", suffix);
        }
    }

    [Fact]
    public async Task A_ten_kilobyte_payload_is_refused_with_400_before_any_key_is_loaded()
    {
        var loads = site.Keys.KeySetLoads;

        var (status, page) = await GetAsync("/v/" + new string('A', 10 * 1024));

        status.ShouldBe(HttpStatusCode.BadRequest);
        Verdict(page).GetAttribute("data-code").ShouldBe("TOO_LARGE");
        Verdict(page).QuerySelector("[data-testid=as-of]").ShouldNotBeNull();
        site.Keys.KeySetLoads.ShouldBe(loads);
    }

    [Theory]
    [InlineData("/v/ABCDEFGH!JKLMNOP", "BAD_ENCODING")]
    [InlineData("/v/ABCDEFG=", "BAD_ENCODING")]
    [InlineData("/v/%E4%B8%AD%E6%96%87", "BAD_ENCODING")]
    [InlineData("/v/AA", "MALFORMED")]
    public async Task Garbled_payloads_get_a_clear_verdict_never_an_error_page(string path, string code)
    {
        var (status, page) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.OK);
        Verdict(page).GetAttribute("data-code").ShouldBe(code);
        Verdict(page).QuerySelector("[data-testid=detail]")!.TextContent.Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task A_truncated_code_is_not_genuine()
    {
        var payload = VerificationScenarios.PayloadOf(await SiteScenarios.ValidAsync(site.Scenarios));
        PayloadText.TryDecode(payload, out var envelope, out _).ShouldBeTrue();

        var (status, page) = await GetAsync("/v/" + PayloadText.Encode(envelope.AsSpan(..^5)));

        status.ShouldBe(HttpStatusCode.OK);
        Verdict(page).GetAttribute("data-code").ShouldBe("MALFORMED");
    }

    [Fact]
    public async Task The_verify_page_takes_a_pasted_link_or_payload_and_keeps_a_place_for_photo_upload()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);

        var (emptyStatus, empty) = await GetAsync("/verify");
        var (_, pasted) = await GetAsync("/verify?code=" + Uri.EscapeDataString("  " + link + "\n"));
        var (_, bare) = await GetAsync("/verify?code=" + VerificationScenarios.PayloadOf(link));
        var (tooLong, _) = await GetAsync("/verify?code=" + new string('A', 10 * 1024));

        emptyStatus.ShouldBe(HttpStatusCode.OK);
        empty.QuerySelector("form[method=get] input[name=code]").ShouldNotBeNull();
        empty.QuerySelector("section#scan-upload").ShouldNotBeNull();
        empty.QuerySelector("[data-testid=verdict]").ShouldBeNull();
        Verdict(pasted).GetAttribute("data-kind").ShouldBe("GenuineValid");
        pasted.QuerySelector("input[name=code]")!.GetAttribute("value").ShouldBe(link);
        Verdict(bare).GetAttribute("data-kind").ShouldBe("GenuineValid");
        tooLong.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_scan_path_leads_to_the_verify_page()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(new Uri("/v/", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/verify");
    }

    public static string PathOf(string link) => "/V/" + VerificationScenarios.PayloadOf(link);

    private static IElement Verdict(IDocument page) =>
        page.QuerySelector("[data-testid=verdict]") ?? throw new ShouldAssertException("The page shows no verdict:\n" + page.Body?.TextContent);

    private async Task<string?> KindAsync(string path) => Verdict((await GetAsync(path)).Page).GetAttribute("data-kind");

    private async Task<(HttpStatusCode Status, IDocument Page)> GetAsync(string path)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await _parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}
