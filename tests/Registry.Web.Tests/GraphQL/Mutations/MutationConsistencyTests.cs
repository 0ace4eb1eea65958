using Npgsql;
using Registry.Web.Features.Audit;

namespace Registry.Web.Tests.GraphQL.Mutations;

/// <summary>Idempotent retries and optimistic concurrency over GraphQL.</summary>
public sealed class MutationConsistencyTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_retried_mutation_with_the_same_idempotency_key_applies_once_and_returns_the_first_result()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        var input = new { number, expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Complaint", idempotencyKey = Guid.NewGuid().ToString() };
        const string selection = "change { version status event { sequence publishedAt } }";

        var first = GraphQLBody.Applied(await body.MutateAsync("suspendCertificate", "SuspendCertificateInput", input, selection), "suspendCertificate");
        var retry = GraphQLBody.Applied(await body.MutateAsync("suspendCertificate", "SuspendCertificateInput", input, selection), "suspendCertificate");
        var reused = await body.MutateAsync("suspendCertificate", "SuspendCertificateInput", input with { reason = "Another reason" }, selection);

        first.GetProperty("replayed").GetBoolean().ShouldBeFalse();
        retry.GetProperty("replayed").GetBoolean().ShouldBeTrue();
        retry.GetProperty("change").GetRawText().ShouldBe(first.GetProperty("change").GetRawText());
        GraphQLBody.Refused(reused, "suspendCertificate").ShouldBe(("ConflictError", "IDEMPOTENCY_KEY_REUSED"));
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(2, "suspended once");
        var outcomes = await db.AuditEntries.Where(e => e.BodyId == body.Body.Id).OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync();
        outcomes.ShouldBe([AuditOutcome.Applied, AuditOutcome.Applied, AuditOutcome.Replayed, AuditOutcome.Refused]);
    }

    [Fact]
    public async Task A_change_based_on_an_outdated_version_is_refused_OUTDATED_VERSION()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        GraphQLBody.Applied(await body.MutateAsync("suspendCertificate", "SuspendCertificateInput",
            new { number, expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Complaint" }), "suspendCertificate");

        var stale = await body.MutateAsync("changeScope", "ChangeScopeInput", new { number, expectedVersion = 1, effectiveOn = PublishingApiClient.Today, scopeZh = "新范围" });

        GraphQLBody.Refused(stale, "changeScope").ShouldBe(("ConflictError", "OUTDATED_VERSION"));
        var error = stale.Data.GetProperty("changeScope").GetProperty("errors")[0];
        error.GetProperty("message").GetString()!.ShouldContain("version 2");
        error.GetProperty("retryable").GetBoolean().ShouldBeFalse();
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(2);
    }

    [Fact]
    public async Task Two_conflicting_changes_at_the_same_moment_give_one_winner_and_one_CONCURRENT_CHANGE()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var issued = await body.IssueAsync();
        var number = issued.GetProperty("number").GetString()!;
        var normalized = issued.GetProperty("normalizedNumber").GetString()!;

        // Both requests read version 1 and queue up to write while the row is held; releasing it makes them race.
        await using var gate = await database.DataSource.OpenConnectionAsync();
        await using var gateTransaction = await gate.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM certificates WHERE normalized_number = '{normalized}' FOR UPDATE", gate, gateTransaction))
        {
            await hold.ExecuteScalarAsync();
        }

        var suspend = body.MutateAsync("suspendCertificate", "SuspendCertificateInput", new { number, expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Complaint" });
        var withdraw = body.MutateAsync("withdrawCertificate", "WithdrawCertificateInput", new { number, expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Fraud" });
        await WaitForBlockedWritersAsync(2);
        await gateTransaction.CommitAsync();
        var answers = await Task.WhenAll(suspend, withdraw);

        var payloads = answers.Select((a, i) => GraphQLBody.Payload(a, i == 0 ? "suspendCertificate" : "withdrawCertificate")).ToList();
        payloads.Count(p => p.GetProperty("errors").GetArrayLength() == 0).ShouldBe(1, "exactly one change wins");
        var loser = payloads.Single(p => p.GetProperty("errors").GetArrayLength() == 1).GetProperty("errors")[0];
        loser.GetProperty("__typename").GetString().ShouldBe("ConflictError");
        loser.GetProperty("code").GetString().ShouldBe("CONCURRENT_CHANGE");
        loser.GetProperty("retryable").GetBoolean().ShouldBeTrue();
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(2);
        (await db.AuditEntries.CountAsync(e => e.CertificateNumber == normalized && e.ErrorCode == "CONCURRENT_CHANGE")).ShouldBe(1);
    }

    /// <summary>Waits until <paramref name="count"/> sessions wait for a row lock on certificates.</summary>
    private async Task WaitForBlockedWritersAsync(int count)
    {
        await using var probe = await database.DataSource.OpenConnectionAsync();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", probe);
            if ((long)(await command.ExecuteScalarAsync())! >= count)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Fewer than {count} writers queued on the held row.");
    }
}
