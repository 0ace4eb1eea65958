using System.Net.Http.Json;
using Npgsql;
using Registry.Web.Features.Audit;

namespace Registry.Web.Tests.Audit;

/// <summary>The audit log: every operation with its outcome, append-only, each body reading only its own entries.</summary>
public sealed class AuditLogTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_body_reads_only_its_own_entries_even_about_another_bodys_certificate()
    {
        var owner = await PublishingApiClient.ForNewBodyAsync(database);
        var intruder = await PublishingApiClient.ForNewBodyAsync(database);
        var certificate = await owner.IssueAsync();
        await owner.PostAsync($"/api/publishing/certificates/{certificate.Number}/suspend", new { effectiveOn = PublishingApiClient.Today, reason = "Complaint" }, "own-key");
        await intruder.PostAsync($"/api/publishing/certificates/{certificate.Number}/withdraw", new { effectiveOn = PublishingApiClient.Today, reason = "Hostile" });

        var ownerPage = await PageAsync(owner, $"?certificate={certificate.Number}");
        var intruderPage = await PageAsync(intruder, $"?certificate={certificate.Number}");

        ownerPage.Entries.Select(e => (e.Operation, e.Outcome)).ShouldBe([("suspend", "applied"), ("issue", "applied")]);
        ownerPage.Entries.ShouldAllBe(e => e.ApiKeyId == owner.KeyId && e.CertificateNumber == certificate.NormalizedNumber);
        ownerPage.Entries[0].IdempotencyKey.ShouldBe("own-key");
        intruderPage.Entries.Count.ShouldBe(1, "the intruder sees its own refused attempt and nothing of the owner's");
        intruderPage.Entries[0].ShouldSatisfyAllConditions(
            e => e.Operation.ShouldBe("withdraw"),
            e => e.Outcome.ShouldBe("refused"),
            e => e.ErrorCode.ShouldBe("NOT_YOUR_CERTIFICATE"),
            e => e.ApiKeyId.ShouldBe(intruder.KeyId));
        (await PageAsync(intruder, string.Empty)).Entries.ShouldAllBe(e => e.ApiKeyId == intruder.KeyId);
    }

    [Fact]
    public async Task Entries_come_newest_first_in_pages_and_filter_by_time()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var certificate = await api.IssueAsync();
        var path = $"/api/publishing/certificates/{certificate.Number}";
        for (var i = 0; i < 2; i++)
        {
            await api.PostAsync($"{path}/suspend", new { effectiveOn = PublishingApiClient.Today, reason = "Complaint" });
            await api.PostAsync($"{path}/reinstate", new { effectiveOn = PublishingApiClient.Today, reason = "Corrected" });
        }

        var seen = new List<AuditEntryView>();
        long? before = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(api, $"?limit=2{(before is null ? string.Empty : $"&before={before}")}");
            page.Entries.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Entries);
            before = page.NextBefore;
            pages++;
        }
        while (before is not null);

        pages.ShouldBe(3);
        seen.Select(e => e.Operation).ShouldBe(["reinstate", "suspend", "reinstate", "suspend", "issue"]);
        seen.Select(e => e.Id).ShouldBeInOrder(SortDirection.Descending);
        var now = DateTimeOffset.UtcNow;
        (await PageAsync(api, $"?from={Uri.EscapeDataString(now.AddHours(1).ToString("O", CultureInfo.InvariantCulture))}")).Entries.ShouldBeEmpty();
        (await PageAsync(api, $"?to={Uri.EscapeDataString(now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture))}")).Entries.ShouldBeEmpty();
        (await PageAsync(api, $"?from={PublishingApiClient.Day(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1))}")).Entries.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("?limit=0", "INVALID_LIMIT")]
    [InlineData("?limit=201", "INVALID_LIMIT")]
    [InlineData("?limit=ten", "INVALID_LIMIT")]
    [InlineData("?before=-3", "INVALID_CURSOR")]
    [InlineData("?from=yesterday", "INVALID_TIME")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "INVALID_TIME_RANGE")]
    [InlineData("?certificate=%21%21%21", "MALFORMED_CERTIFICATE_NUMBER")]
    public async Task A_bad_query_is_a_400_problem(string query, string code)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var response = await api.Http.GetAsync("/api/publishing/audit" + query);

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task An_entry_records_the_source_address_of_the_call()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        using var overTcp = PublishingApiClient.WithKey(new HttpClient { BaseAddress = database.BrowserSiteAddress }, api.Token);

        using var response = await overTcp.PostAsJsonAsync("/api/publishing/certificates", PublishingApiClient.IssueFields());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await PageAsync(api, string.Empty)).Entries.Single();
        entry.SourceAddress.ShouldBe("127.0.0.1");
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("198.51.100.1, 203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8::5", "2001:db8::5")]
    public async Task Behind_a_proxy_configured_on_loopback_an_entry_records_the_address_the_proxy_forwarded(string forwardedFor, string recorded)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        await using var proxied = new RegistryWebFactory(database.ConnectionString, onKestrel: true,
            new Dictionary<string, string> { ["ReverseProxies:Addresses:0"] = "127.0.0.1" });
        using var overTcp = PublishingApiClient.WithKey(new HttpClient { BaseAddress = proxied.StartKestrel() }, api.Token);
        overTcp.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);

        using var response = await overTcp.PostAsJsonAsync("/api/publishing/certificates", PublishingApiClient.IssueFields());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageAsync(api, string.Empty)).Entries.Single().SourceAddress.ShouldBe(recorded);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_address_from_loopback_is_not_believed()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        using var overTcp = PublishingApiClient.WithKey(new HttpClient { BaseAddress = database.BrowserSiteAddress }, api.Token);
        overTcp.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await overTcp.PostAsJsonAsync("/api/publishing/certificates", PublishingApiClient.IssueFields());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageAsync(api, string.Empty)).Entries.Single().SourceAddress.ShouldBe("127.0.0.1");
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET outcome = 'Applied' WHERE body_id = {0}", "UPDATE")]
    [InlineData("DELETE FROM audit_entries WHERE body_id = {0}", "DELETE")]
    [InlineData("TRUNCATE audit_entries", "TRUNCATE")]
    public async Task The_database_refuses_to_change_or_remove_an_entry(string sql, string operation)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        await api.PostAsync("/api/publishing/certificates/NOPE-123456/suspend", new { effectiveOn = PublishingApiClient.Today, reason = "x" });
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, sql, api.Body.Id), connection);

        var refusal = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        refusal.MessageText.ShouldBe($"audit entries are append-only: {operation} refused");
        (await PageAsync(api, string.Empty)).Entries.Single().Outcome.ShouldBe("refused");
    }

    private static async Task<AuditPage> PageAsync(PublishingApiClient api, string query) =>
        await PublishingApiClient.OkAsync<AuditPage>(await api.Http.GetAsync("/api/publishing/audit" + query));
}
