using Registry.Web.Features.Audit;

namespace Registry.Web.Tests.GraphQL.Mutations;

/// <summary>bulkPublish: each row on its own, with its own result; a bad row neither blocks nor half-applies a good one.</summary>
public sealed class BulkPublishTests(RegistryDatabase database)
{
    private const string Selection = "bulkId rows applied refused replayedRows results { row operation number applied replayed version status error { __typename code message } }";

    [Fact]
    public async Task Good_and_bad_rows_each_get_their_own_result_and_only_the_good_ones_apply()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var a = (await body.IssueAsync()).GetProperty("number").GetString()!;
        var b = (await body.IssueAsync()).GetProperty("number").GetString()!;
        var newNumber = $"GQB-{TestRegistry.UniqueSuffix()}";
        var issue = GraphQLBody.IssueInput(newNumber);
        issue["operation"] = "ISSUE";
        var today = PublishingApiClient.Today;
        var input = new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            rows = new object[]
            {
                new { operation = "SUSPEND", number = a, expectedVersion = 1, effectiveOn = today, reason = "Complaint" },
                new { operation = "CHANGE_LEVEL", number = b, effectiveOn = today, level = "five-star", totalScore = 81 },
                new { operation = "REINSTATE", number = b, effectiveOn = today, reason = "Nothing to reinstate" },
                new { operation = "WITHDRAW", number = "证书①②", effectiveOn = today, reason = "Malformed number" },
                new { operation = "CHANGE_SCOPE", number = b, expectedVersion = 1, effectiveOn = today, scopeZh = "家用电器的维修服务", level = "compliant" },
                issue,
                new { operation = "CHANGE_SCOPE", number = b, expectedVersion = 1, effectiveOn = today, scopeZh = "家用电器的维修服务" },
            },
        };

        var answer = await body.MutateAsync("bulkPublish", "BulkPublishInput", input, Selection);
        var retry = await body.MutateAsync("bulkPublish", "BulkPublishInput", input, Selection);

        var payload = GraphQLBody.Applied(answer, "bulkPublish");
        payload.GetProperty("rows").GetInt32().ShouldBe(7);
        payload.GetProperty("applied").GetInt32().ShouldBe(3);
        payload.GetProperty("refused").GetInt32().ShouldBe(4);
        var results = payload.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("row").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        results.Select(r => r.GetProperty("applied").GetBoolean()).ShouldBe([true, false, false, false, false, true, true]);
        results.Select(r => r.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null ? null : r.GetProperty("error").GetProperty("code").GetString())
            .ShouldBe([null, "LEVEL_SCORE_MISMATCH", "CERTIFICATE_NOT_SUSPENDED", "MALFORMED_CERTIFICATE_NUMBER", "INVALID_INPUT", null, null]);
        results[1].GetProperty("error").GetProperty("__typename").GetString().ShouldBe("RuleViolationError");
        results[3].GetProperty("error").GetProperty("__typename").GetString().ShouldBe("InvalidInputError");
        results[0].GetProperty("status").GetString().ShouldBe("SUSPENDED");
        results[6].GetProperty("version").GetInt32().ShouldBe(2);

        var replay = GraphQLBody.Applied(retry, "bulkPublish");
        // A row refused before it became a command (5: a field its operation does not take) is refused again, not remembered; the rest replay.
        replay.GetProperty("replayedRows").GetInt32().ShouldBe(6);
        replay.GetProperty("replayed").GetBoolean().ShouldBeFalse("not every row was a replay");
        replay.GetProperty("applied").GetInt32().ShouldBe(0);
        replay.GetProperty("refused").GetInt32().ShouldBe(1);

        await using var db = database.CreateContext();
        var stored = await db.Certificates.Include(c => c.Events).Where(c => c.Number == a || c.Number == b || c.Number == newNumber).ToListAsync();
        stored.Single(c => c.Number == a).Events.Select(e => e.Kind).Order().ShouldBe([StatusEventKind.Issued, StatusEventKind.Suspended]);
        stored.Single(c => c.Number == b).Events.Select(e => e.Kind).Order().ShouldBe([StatusEventKind.Issued, StatusEventKind.ScopeChanged]);
        stored.Single(c => c.Number == newNumber).EventCount.ShouldBe(1);
        var bulkId = Guid.Parse(payload.GetProperty("bulkId").GetString()!);
        (await db.AuditEntries.CountAsync(e => e.BulkId == bulkId)).ShouldBe(7);
        (await db.AuditEntries.CountAsync(e => e.BodyId == body.Body.Id && e.Outcome == AuditOutcome.Replayed)).ShouldBe(6);
    }

    [Fact]
    public async Task More_than_10000_rows_is_TOO_MANY_ROWS_and_nothing_is_applied()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        var row = new { operation = "SUSPEND", number, effectiveOn = PublishingApiClient.Today, reason = "x" };

        var answer = await body.MutateAsync("bulkPublish", "BulkPublishInput", new { rows = Enumerable.Repeat(row, 10_001).ToArray() }, Selection);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Codes.ShouldBe(["TOO_MANY_ROWS"]);
        answer.Data.GetProperty("bulkPublish").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(1);
        (await db.AuditEntries.CountAsync(e => e.BodyId == body.Body.Id)).ShouldBe(1, "only the issue");
    }
}
