using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Web.Tests.Publishing.Api;

/// <summary>
/// A fault injected in the middle of a request (the database command of one row throws, or its commit loses its
/// answer): a bulk request still answers every row, saying which were applied, which failed and which cannot be
/// known, and what it says is what the database holds; a single call that fails has changed nothing.
/// </summary>
public sealed class FaultInjectionTests(RegistryDatabase database)
{
    private const string FaultyReason = "FAULT-INJECTED-HERE";
    private const string CommitFaultReason = "FAULT-AT-COMMIT";

    [Fact]
    public async Task A_row_whose_command_fails_is_reported_failed_and_the_other_rows_as_they_went()
    {
        var faults = new InjectedFaults();
        await using var site = new RegistryWebFactory(database.ConnectionString, services: s => s.AddSingleton<IInterceptor>(faults));
        var (api, numbers) = await IssueFiveAsync(site);
        var reasons = new[] { "a", "b", FaultyReason, "d", "e" };

        using var response = await api.PostRawAsync("/api/publishing/bulk", Csv(numbers, reasons), "text/csv");

        var result = await PublishingApiClient.OkAsync<JsonElement>(response);
        var rows = result.GetProperty("results").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["applied", "applied", "failed", "applied", "applied"]);
        rows[2].GetProperty("errorCode").GetString().ShouldBe("ROW_FAILED");
        result.GetProperty("applied").GetInt32().ShouldBe(4);
        result.GetProperty("failed").GetInt32().ShouldBe(1);
        faults.Thrown.ShouldBe(1);
        (await StandingsAsync(numbers)).ShouldBe(["Suspended", "Suspended", "Valid", "Suspended", "Suspended"], "the answer is what the database holds");
    }

    [Fact]
    public async Task A_row_whose_commit_loses_its_answer_says_so_and_a_retry_with_the_key_settles_it()
    {
        var faults = new InjectedFaults();
        await using var site = new RegistryWebFactory(database.ConnectionString, services: s => s.AddSingleton<IInterceptor>(faults));
        var (api, numbers) = await IssueFiveAsync(site);
        var reasons = new[] { "a", CommitFaultReason, "c", "d", "e" };
        var key = "fault-" + TestRegistry.UniqueSuffix();

        using var first = await api.PostRawAsync("/api/publishing/bulk", Csv(numbers, reasons), "text/csv", key);

        var rows = (await PublishingApiClient.OkAsync<JsonElement>(first)).GetProperty("results").EnumerateArray().ToList();
        rows[1].GetProperty("outcome").GetString().ShouldBe("failed");
        rows[1].GetProperty("errorCode").GetString().ShouldBe("OUTCOME_UNKNOWN");
        rows[1].GetProperty("message").GetString()!.ShouldContain("same Idempotency-Key");
        rows.Where((_, i) => i != 1).Select(r => r.GetProperty("outcome").GetString()).ShouldAllBe(o => o == "applied");

        using var retry = await api.PostRawAsync("/api/publishing/bulk", Csv(numbers, reasons), "text/csv", key);

        var again = (await PublishingApiClient.OkAsync<JsonElement>(retry)).GetProperty("results").EnumerateArray().ToList();
        again.Select(r => r.GetProperty("outcome").GetString()).ShouldAllBe(o => o == "applied");
        again.Select(r => r.GetProperty("replayed").GetBoolean()).ShouldBe([true, false, true, true, true], "the row in doubt was not applied before, so it is applied now, once");
        (await StandingsAsync(numbers)).ShouldAllBe(s => s == "Suspended");
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == numbers[1])).EventCount.ShouldBe(2, "suspended once, not twice");
    }

    [Fact]
    public async Task A_single_change_that_fails_mid_request_changes_nothing_and_says_so()
    {
        var faults = new InjectedFaults();
        await using var site = new RegistryWebFactory(database.ConnectionString, services: s => s.AddSingleton<IInterceptor>(faults));
        var (api, numbers) = await IssueFiveAsync(site);

        using var failed = await api.PostAsync($"/api/publishing/certificates/{numbers[0]}/suspend", new { reason = FaultyReason, effectiveOn = PublishingApiClient.Today });
        using var unknown = await api.PostAsync($"/api/publishing/certificates/{numbers[1]}/suspend", new { reason = CommitFaultReason, effectiveOn = PublishingApiClient.Today });

        (await PublishingApiClient.ProblemAsync(failed, HttpStatusCode.InternalServerError, "INTERNAL_ERROR")).GetProperty("detail").GetString()!
            .ShouldContain("nothing was changed");
        await PublishingApiClient.ProblemAsync(unknown, HttpStatusCode.ServiceUnavailable, "OUTCOME_UNKNOWN");
        (await StandingsAsync(numbers[..2])).ShouldBe(["Valid", "Valid"]);
    }

    private async Task<(PublishingApiClient Api, string[] Numbers)> IssueFiveAsync(RegistryWebFactory site)
    {
        var shared = await PublishingApiClient.ForNewBodyAsync(database);
        var api = new PublishingApiClient(shared.Body, shared.Token, shared.KeyId, PublishingApiClient.WithKey(site.CreateClient(), shared.Token));
        var numbers = new string[5];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = (await api.IssueAsync()).Number;
        }

        return (api, numbers);
    }

    private static string Csv(string[] numbers, string[] reasons)
    {
        var csv = new StringBuilder("operation,number,effective_on,reason\n");
        for (var i = 0; i < numbers.Length; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"suspend,{numbers[i]},{PublishingApiClient.Today},{reasons[i]}\n");
        }

        return csv.ToString();
    }

    private async Task<string[]> StandingsAsync(string[] numbers)
    {
        await using var db = database.CreateContext();
        var standings = await db.Certificates.Where(c => numbers.Contains(c.Number)).ToDictionaryAsync(c => c.Number, c => c.Standing.ToString());
        return [.. numbers.Select(n => standings[n])];
    }

    /// <summary>
    /// Throws when a status event with <see cref="FaultyReason"/> is written, and makes the commit of a transaction
    /// that wrote one with <see cref="CommitFaultReason"/> fail, once each: the faults a real outage brings, in one row.
    /// </summary>
    private sealed class InjectedFaults : IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly ConditionalWeakTable<DbConnection, object> _failAtCommit = [];
        private int _commitFaults;

        public int Thrown { get; private set; }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Writes(command, FaultyReason))
            {
                Thrown++;
                throw new InvalidOperationException("Injected fault: the database command of this row failed.");
            }

            if (Writes(command, CommitFaultReason) && Interlocked.Increment(ref _commitFaults) == 1)
            {
                _failAtCommit.AddOrUpdate(command.Connection!, new object());
            }

            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            if (transaction.Connection is { } connection && _failAtCommit.TryGetValue(connection, out _))
            {
                _failAtCommit.Remove(connection);
                // The commit is refused before it reaches the server, so the row is in fact not applied: the answer is "unknown".
                throw new Npgsql.NpgsqlException("Injected fault: the connection broke while committing.");
            }

            return ValueTask.FromResult(result);
        }

        private static bool Writes(DbCommand command, string reason) =>
            command.CommandText.Contains("INSERT INTO status_events", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value as string == reason);
    }
}
