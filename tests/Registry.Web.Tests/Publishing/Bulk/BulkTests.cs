using Registry.Web.Features.Audit;

namespace Registry.Web.Tests.Publishing.Bulk;

/// <summary>POST /api/publishing/bulk with good and bad rows mixed: each row on its own, each with its own result.</summary>
public sealed class BulkTests(RegistryDatabase database)
{
    private const string Header = "operation,number,expected_version,effective_on,reason,level,total_score,scope_zh,scope_en,issued_on,organisation_credit_code,organisation_name_zh";

    [Fact]
    public async Task Csv_rows_apply_or_fail_one_by_one()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var existing = await api.IssueAsync();
        var other = await api.IssueAsync();
        var today = PublishingApiClient.Today;
        var issuedOn = PublishingApiClient.Day(DateOnly.Parse(today, CultureInfo.InvariantCulture).AddDays(-10));
        var fresh = PublishingApiClient.NewNumber();
        var mismatch = PublishingApiClient.NewNumber();
        var csv = new StringBuilder(Header).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"issue,{fresh},,,,four-star,91,\"家电销售、配送\",\"Sales, delivery\",{issuedOn},{TestRegistry.NewCreditCode()},测试批量一号有限公司\n")
            .Append(CultureInfo.InvariantCulture, $"issue,{mismatch},,,,five-star,91,家电销售,,{issuedOn},{TestRegistry.NewCreditCode()},测试批量二号有限公司\n")
            .Append(CultureInfo.InvariantCulture, $"suspend,{existing.Number},1,{today},\"Complaint, not corrected\",,,,,,,\n")
            .Append(CultureInfo.InvariantCulture, $"reinstate,{other.Number},,{today},Nothing to reinstate,,,,,,,\n")
            .Append(CultureInfo.InvariantCulture, $"withdraw,{other.Number},,31/12/2026,Bad date,,,,,,,\n")
            .Append(CultureInfo.InvariantCulture, $"suspend,{other.Number},,{today}\n")
            .Append(CultureInfo.InvariantCulture, $"explode,{other.Number},,{today},x,,,,,,,\n")
            .Append(CultureInfo.InvariantCulture, $"change-scope,{other.Number},,{today},,,,\"多行\n范围\",,,,\n")
            .Append(CultureInfo.InvariantCulture, $"suspend,{existing.Number},1,{today},Stale version,,,,,,,\n");

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv.ToString(), "text/csv");

        var result = await PublishingApiClient.OkAsync<JsonElement>(response);
        var rows = result.GetProperty("results").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("row").GetInt32()).ShouldBe(Enumerable.Range(1, 9));
        rows.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["applied", "refused", "applied", "refused", "refused", "refused", "refused", "applied", "refused"]);
        rows.Select(r => r.TryGetProperty("errorCode", out var code) ? code.GetString() : null)
            .ShouldBe([null, "LEVEL_SCORE_MISMATCH", null, "CERTIFICATE_NOT_SUSPENDED", "INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT", null, "OUTDATED_VERSION"]);
        rows[2].GetProperty("version").GetInt32().ShouldBe(2);
        rows[2].GetProperty("status").GetString().ShouldBe("Suspended");
        result.GetProperty("applied").GetInt32().ShouldBe(3);
        result.GetProperty("refused").GetInt32().ShouldBe(6);

        await using var db = database.CreateContext();
        var issued = await db.Certificates.SingleAsync(c => c.Number == fresh);
        issued.ScopeZh.ShouldBe("家电销售、配送");
        issued.ScopeEn.ShouldBe("Sales, delivery");
        (await db.Certificates.AnyAsync(c => c.Number == mismatch)).ShouldBeFalse("a refused issue leaves no certificate");
        (await db.Certificates.SingleAsync(c => c.NormalizedNumber == other.NormalizedNumber)).ScopeZh.ShouldBe("多行\n范围");
        (await db.Certificates.SingleAsync(c => c.NormalizedNumber == other.NormalizedNumber)).EventCount.ShouldBe(2);
        var audit = await db.AuditEntries.Where(e => e.BodyId == api.Body.Id && e.BulkId != null).OrderBy(e => e.BulkRow).ToListAsync();
        audit.Select(e => e.BulkRow).ShouldBe(Enumerable.Range(1, 9).Select(i => (int?)i));
        audit.Select(e => e.Outcome == AuditOutcome.Applied).ShouldBe([true, false, true, false, false, false, false, true, false]);
        audit.Select(e => e.BulkId).Distinct().Single().ShouldBe(Guid.Parse(result.GetProperty("bulkId").GetString()!));
    }

    [Fact]
    public async Task Json_rows_apply_or_fail_one_by_one_and_a_retry_with_the_key_replays()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var existing = await api.IssueAsync();
        var today = PublishingApiClient.Today;
        var rows = new object[]
        {
            new { operation = "change-level", number = existing.Number, expectedVersion = 1, effectiveOn = today, level = "three-star", totalScore = 84.5 },
            new { operation = "change-level", number = existing.Number, effectiveOn = today, level = "three-star", totalScore = 95 },
            "not an object",
            new { operation = "suspend", number = existing.Number, effectiveOn = today, reason = "Complaint", colour = "red" },
            new { operation = "suspend", number = existing.Number.ToLowerInvariant(), effectiveOn = today, reason = "Complaint" },
            new { operation = "withdraw", number = "NOT A NUMBER!", effectiveOn = today, reason = "x" },
        };

        using var first = await api.PostAsync("/api/publishing/bulk", rows, "bulk-1");
        using var retry = await api.PostAsync("/api/publishing/bulk", rows, "bulk-1");

        var answer = await PublishingApiClient.OkAsync<JsonElement>(first);
        answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("errorCode").GetString() ?? "ok")
            .ShouldBe(["ok", "LEVEL_SCORE_MISMATCH", "INVALID_INPUT", "INVALID_INPUT", "ok", "MALFORMED_CERTIFICATE_NUMBER"]);
        var again = await PublishingApiClient.OkAsync<JsonElement>(retry);
        again.GetProperty("applied").GetInt32().ShouldBe(0);
        again.GetProperty("results")[0].GetProperty("replayed").GetBoolean().ShouldBeTrue();
        again.GetProperty("results")[4].GetProperty("replayed").GetBoolean().ShouldBeTrue();
        again.GetProperty("results")[4].GetProperty("version").GetInt32().ShouldBe(3);
        await using var db = database.CreateContext();
        var stored = await db.Certificates.SingleAsync(c => c.NormalizedNumber == existing.NormalizedNumber);
        stored.EventCount.ShouldBe(3, "issue, level change, suspension: the retry applied nothing");
        stored.Level.ShouldBe("three-star");
    }

    [Fact]
    public async Task Many_rows_go_through_each_in_its_own_transaction()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issuedOn = PublishingApiClient.Day(DateOnly.Parse(PublishingApiClient.Today, CultureInfo.InvariantCulture).AddDays(-3));
        var csv = new StringBuilder(Header).Append('\n');
        var numbers = Enumerable.Range(0, 300).Select(_ => PublishingApiClient.NewNumber()).ToList();
        foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
        {
            // Every tenth row names a level its score does not earn.
            csv.Append(CultureInfo.InvariantCulture, $"issue,{number},,,,{(i % 10 == 0 ? "five-star" : "three-star")},85,家电维修,,{issuedOn},{TestRegistry.NewCreditCode()},批量测试{i}号公司\n");
        }

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv.ToString(), "text/csv");

        var result = await PublishingApiClient.OkAsync<JsonElement>(response);
        result.GetProperty("applied").GetInt32().ShouldBe(270);
        result.GetProperty("refused").GetInt32().ShouldBe(30);
        await using var db = database.CreateContext();
        (await db.Certificates.CountAsync(c => numbers.Contains(c.Number))).ShouldBe(270);
    }

    [Fact]
    public async Task Changes_to_one_certificate_apply_in_the_order_sent_while_lanes_run_side_by_side()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var today = PublishingApiClient.Today;
        var issuedOn = PublishingApiClient.Day(DateOnly.Parse(today, CultureInfo.InvariantCulture).AddDays(-3));
        var numbers = Enumerable.Range(0, 12).Select(_ => PublishingApiClient.NewNumber()).ToList();
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"issue,{number},,,,three-star,85,家电维修,,{issuedOn},{TestRegistry.NewCreditCode()},顺序测试{i}号公司\n");
        }

        // Interleaved: every certificate is suspended, reinstated and withdrawn, each step allowed only after the one before.
        foreach (var step in new[] { "suspend", "reinstate", "withdraw" })
        {
            foreach (var number in numbers)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{step},{number},,{today},Ordered step,,,,,,,\n");
            }
        }

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv.ToString(), "text/csv");

        var result = await PublishingApiClient.OkAsync<JsonElement>(response);
        result.GetProperty("applied").GetInt32().ShouldBe(48, result.ToString());
        result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).ShouldBe(Enumerable.Range(1, 48));
        await using var db = database.CreateContext();
        var counts = await db.Certificates.Where(c => numbers.Contains(c.Number)).Select(c => c.EventCount).ToListAsync();
        counts.ShouldBe(Enumerable.Repeat(4, 12));
    }
}
