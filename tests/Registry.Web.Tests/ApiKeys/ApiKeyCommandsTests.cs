using System.Text.RegularExpressions;
using Registry.Web.Tests.Search.Indexing;

namespace Registry.Web.Tests.ApiKeys;

/// <summary>`dotnet Registry.Web.dll api-keys ...` as an operator runs it: a real process, its output and exit code.</summary>
public sealed partial class ApiKeyCommandsTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task Create_shows_the_key_once_list_shows_ids_only_and_revoke_locks_it_out()
    {
        var body = await _registry.AddBodyAsync();

        var (code, output) = await ApiKeysAsync("create", "--body", body.Code, "--expires", "2099-12-31", "--label", "ERP connector");
        code.ShouldBe(0, output);
        var token = TokenPattern().Match(output).Value;
        token.ShouldNotBeEmpty(output);
        var keyId = token[4..20];
        output.ShouldContain($"Created API key {keyId} for body {body.Code}, accepted up to 2099-12-31.");
        await using (var db = database.CreateContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.KeyId == keyId);
            stored.Label.ShouldBe("ERP connector");
            stored.SecretHash.ShouldNotBe(System.Text.Encoding.UTF8.GetBytes(token));
        }

        using var client = PublishingApiClient.WithKey(database.Site.CreateClient(), token);
        (await client.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (code, output) = await ApiKeysAsync("list", "--body", body.Code);
        code.ShouldBe(0, output);
        output.ShouldContain(keyId);
        output.ShouldContain("active");
        output.ShouldContain("2099-12-31");
        output.ShouldContain("ERP connector");
        output.ShouldNotContain(token[21..]);
        output.ShouldContain("1 key(s).");

        (code, output) = await ApiKeysAsync("revoke", keyId);
        code.ShouldBe(0, output);
        output.ShouldContain($"Revoked API key {keyId} of body {body.Code}");
        (await client.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (code, output) = await ApiKeysAsync("list", "--body", body.Code);
        output.ShouldContain("revoked");
        (code, output) = await ApiKeysAsync("revoke", keyId);
        code.ShouldBe(1, output);
        output.ShouldContain("already revoked");
    }

    [Theory]
    [InlineData(2, "create", "--body", "NO-SUCH-BODY")]
    [InlineData(2, "list", "--body", "NO-SUCH-BODY")]
    [InlineData(2, "revoke", "aaaaaaaaaaaaaaaa")]
    [InlineData(2, "revoke", "not-a-key-id")]
    public async Task Unknown_bodies_and_keys_exit_with_2(int expected, params string[] arguments)
    {
        var (code, output) = await ApiKeysAsync(arguments);

        code.ShouldBe(expected, output);
        output.ShouldContain(arguments[^1]);
    }

    [Theory]
    [InlineData("2020-01-01", "in the past")]
    [InlineData("31/12/2099", "yyyy-MM-dd")]
    public async Task A_bad_expiry_is_refused_and_creates_nothing(string expires, string message)
    {
        var body = await _registry.AddBodyAsync();

        var (code, output) = await ApiKeysAsync("create", "--body", body.Code, "--expires", expires);

        code.ShouldBe(1, output);
        output.ShouldContain(message);
        await using var db = database.CreateContext();
        (await db.ApiKeys.CountAsync(k => k.BodyId == body.Id)).ShouldBe(0);
    }

    private Task<(int ExitCode, string Output)> ApiKeysAsync(params string[] arguments) =>
        RegistryProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Registry"] = database.ConnectionString }, ["api-keys", .. arguments]);

    [GeneratedRegex("srk_[a-z2-7]{16}_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();
}
