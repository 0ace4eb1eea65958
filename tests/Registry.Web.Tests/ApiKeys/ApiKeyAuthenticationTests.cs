using Microsoft.Extensions.Logging.Abstractions;
using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Tests.ApiKeys;

/// <summary>Bearer API keys at the door of the publishing API: what is let in, and what the refused are told.</summary>
public sealed class ApiKeyAuthenticationTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_valid_key_is_let_in_as_its_body()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var response = await api.Http.GetAsync("/api/publishing/audit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_key_is_401_asking_for_one()
    {
        using var client = database.Site.CreateClient();

        using var response = await client.PostAsync("/api/publishing/certificates/ABC-123456/suspend", null);

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, "API_KEY_REQUIRED");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task Malformed_unknown_wrong_expired_and_revoked_keys_all_get_the_same_401()
    {
        var body = await _registry.AddBodyAsync();
        var good = await PublishingApiClient.CreateKeyAsync(database, body.Code);
        var wrongSecret = good.Token[..^4] + (good.Token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var unknownId = ApiKeyToken.Create().Token;
        var tenDaysAgo = TestClocks.At(DateTimeOffset.UtcNow.AddDays(-10));
        var expired = await PublishingApiClient.CreateKeyAsync(database, body.Code, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-5)), tenDaysAgo);
        var revoked = await PublishingApiClient.CreateKeyAsync(database, body.Code);
        await using (var db = database.CreateContext())
        {
            await new ApiKeyStore(db, TimeProvider.System, NullLogger<ApiKeyStore>.Instance).RevokeAsync(revoked.Key.KeyId, "test", CancellationToken.None);
        }

        string[] refused = ["not-a-key", "srk_", good.Token + "x", good.Token.ToUpperInvariant(), wrongSecret, unknownId, expired.Token, revoked.Token];
        var answers = new List<string>();
        foreach (var token in refused)
        {
            using var client = PublishingApiClient.WithKey(database.Site.CreateClient(), token);
            using var response = await client.GetAsync("/api/publishing/audit");
            var problem = await PublishingApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, "API_KEY_INVALID");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
            answers.Add($"{problem.GetProperty("title")}|{problem.GetProperty("detail")}|{problem.GetProperty("code")}");
            answers[^1].ShouldNotContain(token.Length > 20 ? token[4..20] : token);
        }

        answers.Distinct().Count().ShouldBe(1, "a refusal says nothing about whether the key id exists, expired or was revoked");
        using var stillGood = PublishingApiClient.WithKey(database.Site.CreateClient(), good.Token);
        (await stillGood.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_that_expires_today_works_until_the_end_of_the_day_in_China()
    {
        var body = await _registry.AddBodyAsync();
        var key = await PublishingApiClient.CreateKeyAsync(database, body.Code, Registry.Domain.Time.RegistryCalendar.Today(TimeProvider.System));
        using var client = PublishingApiClient.WithKey(database.Site.CreateClient(), key.Token);

        (await client.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_request_on()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        (await api.Http.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = database.CreateContext())
        {
            await new ApiKeyStore(db, TimeProvider.System, NullLogger<ApiKeyStore>.Instance).RevokeAsync(api.KeyId, "test", CancellationToken.None);
        }

        using var response = await api.Http.GetAsync("/api/publishing/audit");
        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, "API_KEY_INVALID");
    }

    [Fact]
    public async Task A_refused_key_changes_nothing_and_leaves_no_audit_entry()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        using var intruder = PublishingApiClient.WithKey(database.Site.CreateClient(), ApiKeyToken.Create().Token);

        using var response = await intruder.PostAsync($"/api/publishing/certificates/{issued.Number}/withdraw",
            JsonContent(new { effectiveOn = PublishingApiClient.Today, reason = "x" }));

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized, "API_KEY_INVALID");
        await using var db = database.CreateContext();
        (await db.StatusEvents.CountAsync(e => db.Certificates.Any(c => c.Id == e.CertificateId && c.NormalizedNumber == issued.NormalizedNumber))).ShouldBe(1);
    }

    [Fact]
    public void Tokens_have_a_public_key_id_and_a_256_bit_secret_and_only_their_hash_is_kept()
    {
        var (keyId, token, hash) = ApiKeyToken.Create();

        token.Length.ShouldBe(ApiKeyToken.Length);
        token.ShouldStartWith("srk_" + keyId + "_");
        ApiKeyToken.TryReadKeyId(token, out var read).ShouldBeTrue();
        read.ShouldBe(keyId);
        hash.Length.ShouldBe(32);
        ApiKeyToken.Matches(token, hash).ShouldBeTrue();
        ApiKeyToken.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), hash).ShouldBeFalse();
        ApiKeyToken.Create().Token.ShouldNotBe(token);
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
