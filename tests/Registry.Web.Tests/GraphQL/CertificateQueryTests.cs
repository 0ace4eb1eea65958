namespace Registry.Web.Tests.GraphQL;

/// <summary>certificate(number:), its status questions and history, organisation(creditCode:) and bodies, end to end.</summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class CertificateQueryTests(GraphQLSite site)
{
    private const string StatusQuestions = """
        query($n: String!) {
          certificate(number: $n) {
            number normalizedNumber url issuedOn status
            current { status statusNameZh statusNameEn since reason level { code nameZh nameEn stars } scores { total serviceSystem } scopeZh expiresOn }
            onTheDay: statusOn(date: "2025-12-15") { status since reason }
            beforeIt: statusOn(date: "2025-11-30") { status }
            saidThen: statusAsPublishedAt(instant: "2025-12-15T12:00:00+08:00") { status }
            saidLater: statusAsPublishedAt(instant: "2026-01-10T12:00:01+08:00") { status }
            saidBeforeIssue: statusAsPublishedAt(instant: "2025-09-01T00:00:00Z") { status level { code } }
            history { sequence kind kindNameZh kindNameEn effectiveOn publishedAt reason actor }
            body { code nameZh nameEn approvalNumber }
            organisation { creditCode nameZh nameEn province { code nameZh nameEn } }
          }
        }
        """;

    [Fact]
    public async Task A_number_typed_in_full_width_lower_case_finds_the_certificate_with_every_status_answer()
    {
        var body = await site.Scenarios.Registry.AddBodyAsync();
        var organisation = await site.Scenarios.Registry.AddOrganisationAsync();
        var certificate = await site.Scenarios.IssueAsync(body, organisation, new DateOnly(2025, 10, 2));
        // Published on 10 January, effective from 1 December: back-dated.
        await site.Scenarios.ChangeAsync(certificate, body, StatusChange.Suspend(new DateOnly(2025, 12, 1), "整改期内未设立售后服务网点", "x"), new DateOnly(2026, 1, 10));
        var typed = new string([.. certificate.Number.ToLowerInvariant().Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c)]);

        var answer = await site.Client.PostAsync(StatusQuestions, new { n = typed });

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Codes.ShouldBeEmpty();
        var found = answer.Data.GetProperty("certificate");
        found.GetProperty("number").GetString().ShouldBe(certificate.Number);
        found.GetProperty("url").GetString().ShouldBe($"/certificates/{certificate.NormalizedNumber}");
        found.GetProperty("issuedOn").GetString().ShouldBe("2025-10-02");
        found.GetProperty("status").GetString().ShouldBe("SUSPENDED");
        var current = found.GetProperty("current");
        current.GetProperty("statusNameZh").GetString().ShouldBe("暂停");
        current.GetProperty("statusNameEn").GetString().ShouldBe("Suspended");
        current.GetProperty("since").GetString().ShouldBe("2025-12-01");
        current.GetProperty("reason").GetString().ShouldBe("整改期内未设立售后服务网点");
        current.GetProperty("level").GetProperty("nameZh").GetString().ShouldBe("四星级");
        current.GetProperty("level").GetProperty("stars").GetInt32().ShouldBe(4);
        current.GetProperty("scores").GetProperty("total").GetDouble().ShouldBe(92.5);
        current.GetProperty("expiresOn").GetString().ShouldBe("2028-10-01");
        found.GetProperty("onTheDay").GetProperty("status").GetString().ShouldBe("SUSPENDED", "as known now, the back-dated suspension counts");
        found.GetProperty("beforeIt").GetProperty("status").GetString().ShouldBe("VALID");
        found.GetProperty("saidThen").GetProperty("status").GetString().ShouldBe("VALID", "on 15 December the registry had not yet been told");
        found.GetProperty("saidLater").GetProperty("status").GetString().ShouldBe("SUSPENDED");
        found.GetProperty("saidBeforeIssue").GetProperty("status").GetString().ShouldBe("NOT_ISSUED");
        found.GetProperty("saidBeforeIssue").GetProperty("level").ValueKind.ShouldBe(JsonValueKind.Null);
        var history = found.GetProperty("history").EnumerateArray().ToList();
        history.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["ISSUED", "SUSPENDED"]);
        history[1].GetProperty("kindNameZh").GetString().ShouldBe("暂停");
        history[1].GetProperty("effectiveOn").GetString().ShouldBe("2025-12-01");
        history[1].GetProperty("publishedAt").GetString().ShouldBe("2026-01-10T04:00:00Z");
        found.GetProperty("body").GetProperty("nameZh").GetString().ShouldBe(body.NameZh);
        found.GetProperty("organisation").GetProperty("nameZh").GetString().ShouldBe(organisation.LegalNameZh);
        found.GetProperty("organisation").GetProperty("province").GetProperty("nameZh").GetString().ShouldBe("浙江省");
    }

    [Fact]
    public async Task Chinese_travels_as_itself_not_as_escapes()
    {
        var (certificate, _) = await site.Scenarios.Registry.IssueAsync(new DateOnly(2025, 10, 3));

        var answer = await site.Client.PostAsync("query($n: String!) { certificate(number: $n) { organisation { nameZh } current { statusNameZh } } }", new { n = certificate.Number });

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        answer.Body.ShouldContain("有效");
        answer.Body.ShouldContain("家电有限公司");
        answer.Body.ShouldNotContain("\\u");
        bytes.Length.ShouldBeGreaterThan(answer.Body.Length, "Chinese is sent as UTF-8 bytes");
    }

    [Fact]
    public async Task A_number_the_registry_does_not_hold_is_null_without_an_error()
    {
        var answer = await site.Client.PostAsync("{ certificate(number: \"NEVER-ISSUED-42\") { number } }");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Codes.ShouldBeEmpty();
        answer.Data.GetProperty("certificate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_organisation_by_credit_code_pages_through_its_certificates_newest_first()
    {
        var body = await site.Scenarios.Registry.AddBodyAsync();
        var organisation = await site.Scenarios.Registry.AddOrganisationAsync();
        var issued = new List<string>();
        foreach (var day in new[] { 1, 2, 3 })
        {
            issued.Add((await site.Scenarios.IssueAsync(body, organisation, new DateOnly(2025, 9, day))).Number);
        }

        const string Query = """
            query($c: String!, $after: String) {
              organisation(creditCode: $c) {
                creditCode nameZh nameEn formerNamesZh divisionCode
                certificates(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { number issuedOn } } }
              }
            }
            """;
        var typed = organisation.CreditCode.ToLowerInvariant().Insert(6, " ");
        var first = await site.Client.PostAsync(Query, new { c = typed });
        var page = first.Data.GetProperty("organisation").GetProperty("certificates");
        var second = await site.Client.PostAsync(Query, new { c = organisation.CreditCode, after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var next = second.Data.GetProperty("organisation").GetProperty("certificates");

        first.Codes.ShouldBeEmpty(first.ToString());
        first.Data.GetProperty("organisation").GetProperty("creditCode").GetString().ShouldBe(organisation.CreditCode);
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        Numbers(page).ShouldBe([issued[2], issued[1]]);
        page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().ShouldBeTrue();
        page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().ShouldBeFalse();
        Numbers(next).ShouldBe([issued[0]]);
        next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().ShouldBeFalse();
        next.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Bodies_lists_every_body_with_both_names()
    {
        var body = await site.Scenarios.Registry.AddBodyAsync();

        var answer = await site.Client.PostAsync("{ bodies { code nameZh nameEn approvalNumber } schemes { code levels { code nameZh stars minimumScore } } }");

        var listed = answer.Data.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("code").GetString() == body.Code);
        listed.GetProperty("nameZh").GetString().ShouldBe(body.NameZh);
        listed.GetProperty("nameEn").GetString().ShouldBe(body.NameEn);
        var levels = answer.Data.GetProperty("schemes")[0].GetProperty("levels").EnumerateArray().ToList();
        levels.Select(l => l.GetProperty("code").GetString()).ShouldBe(["compliant", "three-star", "four-star", "five-star"]);
        levels[3].GetProperty("nameZh").GetString().ShouldBe("五星级");
        levels[3].GetProperty("minimumScore").GetDouble().ShouldBe(95);
    }

    private static List<string?> Numbers(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("number").GetString())];
}
