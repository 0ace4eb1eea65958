using Npgsql;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Publishing.Api;

/// <summary>Optimistic concurrency through the API: one of two conflicting changes wins, the other is told why.</summary>
public sealed class ConcurrencyOverHttpTests(RegistryDatabase database)
{
    [Fact]
    public async Task Two_conflicting_changes_at_the_same_moment_give_one_winner_and_one_CONCURRENT_CHANGE()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        var path = $"/api/publishing/certificates/{issued.Number}";

        // Both requests read version 1 and queue up to write while the row is held; releasing it makes them race.
        await using var gate = await database.DataSource.OpenConnectionAsync();
        await using var gateTransaction = await gate.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM certificates WHERE normalized_number = '{issued.NormalizedNumber}' FOR UPDATE", gate, gateTransaction))
        {
            await hold.ExecuteScalarAsync();
        }

        var suspend = api.PostAsync($"{path}/suspend", new { expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Complaint" });
        var withdraw = api.PostAsync($"{path}/withdraw", new { expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Fraud" });
        await database.WaitForLockWaitersAsync(2, "both requests should be waiting on the held row");
        await gateTransaction.CommitAsync();
        var responses = await Task.WhenAll(suspend, withdraw);

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, "exactly one change wins");
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        var problem = await PublishingApiClient.ProblemAsync(loser, HttpStatusCode.Conflict, "CONCURRENT_CHANGE");
        problem.GetProperty("detail").GetString()!.ShouldContain(issued.Number);
        await using var db = database.CreateContext();
        var stored = await db.Certificates.Include(c => c.Events).SingleAsync(c => c.NormalizedNumber == issued.NormalizedNumber);
        stored.Events.Count.ShouldBe(2);
        (await db.AuditEntries.CountAsync(e => e.CertificateNumber == issued.NormalizedNumber && e.ErrorCode == "CONCURRENT_CHANGE")).ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_change_based_on_an_outdated_version_is_refused_clearly()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        var path = $"/api/publishing/certificates/{issued.Number}";
        var suspended = await PublishingApiClient.OkAsync<CertificatePayload>(
            await api.PostAsync($"{path}/suspend", new { expectedVersion = issued.Version, effectiveOn = PublishingApiClient.Today, reason = "Complaint" }));

        using var stale = await api.PostAsync($"{path}/change-scope", new { expectedVersion = issued.Version, effectiveOn = PublishingApiClient.Today, scopeZh = "新范围" });

        var problem = await PublishingApiClient.ProblemAsync(stale, HttpStatusCode.Conflict, "OUTDATED_VERSION");
        problem.GetProperty("detail").GetString()!.ShouldContain($"version {suspended.Version}");
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.NormalizedNumber == issued.NormalizedNumber)).ScopeZh.ShouldBe(issued.ScopeZh);
    }
}
