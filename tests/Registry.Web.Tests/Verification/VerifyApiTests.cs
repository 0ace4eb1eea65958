using System.Net.Http.Json;

namespace Registry.Web.Tests.Verification;

/// <summary>GET and POST /api/verify: every verdict as JSON with 200; input that is no code at all as an RFC 9457 problem.</summary>
[Collection(VerificationSiteGroup.Name)]
public sealed class VerifyApiTests(VerificationSite site)
{
    [Fact]
    public async Task A_valid_code_is_genuine_and_valid_with_the_claims_and_the_registry_facts()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);

        var (status, json) = await GetAsync(link);

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("kind").GetString().ShouldBe("GENUINE_VALID");
        json.GetProperty("status").GetString().ShouldBe("VALID");
        json.GetProperty("asOf").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var claims = json.GetProperty("claims");
        claims.GetProperty("medium").GetString().ShouldBe("CERTIFICATE");
        claims.GetProperty("level").GetString().ShouldBe("four-star");
        claims.GetProperty("issuedOn").GetString().ShouldBe("2025-10-01");
        claims.GetProperty("serial").GetUInt32().ShouldBe(0u);
        var certificate = json.GetProperty("certificate");
        certificate.GetProperty("url").GetString().ShouldBe("/certificates/" + claims.GetProperty("number").GetString());
        certificate.GetProperty("expiresOn").GetString().ShouldBe("2028-09-30");
        json.GetProperty("differences").GetArrayLength().ShouldBe(0);
        json.GetProperty("notGenuine").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(CertificateStatus.Suspended)]
    [InlineData(CertificateStatus.Withdrawn)]
    [InlineData(CertificateStatus.Cancelled)]
    [InlineData(CertificateStatus.Expired)]
    public async Task A_certificate_that_lost_its_validity_is_genuine_but_not_valid_with_since_and_reason(CertificateStatus status)
    {
        var (_, link) = await SiteScenarios.WithStatusAsync(site.Scenarios, status);

        var (code, json) = await GetAsync(link);

        code.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("kind").GetString().ShouldBe("GENUINE_NOT_VALID");
        json.GetProperty("status").GetString().ShouldBe(status.ToString().ToUpperInvariant());
        json.GetProperty("since").GetString().ShouldBe(status == CertificateStatus.Expired ? "2025-06-01" : "2025-12-01");
        if (status == CertificateStatus.Withdrawn)
        {
            json.GetProperty("reason").GetString().ShouldBe(SiteScenarios.WithdrawalReason);
        }
    }

    [Fact]
    public async Task A_changed_level_lists_the_difference()
    {
        var link = await SiteScenarios.LevelLoweredAsync(site.Scenarios);

        var (_, json) = await GetAsync(link);

        json.GetProperty("kind").GetString().ShouldBe("GENUINE_CHANGED");
        var difference = json.GetProperty("differences").EnumerateArray().Single();
        difference.GetProperty("field").GetString().ShouldBe("level");
        difference.GetProperty("signedValue").GetString().ShouldBe("four-star");
        difference.GetProperty("registryValue").GetString().ShouldBe("three-star");
    }

    [Fact]
    public async Task Another_holder_and_a_number_never_issued_get_their_verdicts()
    {
        var (_, holder) = await GetAsync(await SiteScenarios.OtherHolderAsync(site.Scenarios));
        var (status, ghost) = await GetAsync(await SiteScenarios.NeverIssuedAsync(site.Scenarios));

        holder.GetProperty("kind").GetString().ShouldBe("GENUINE_CHANGED");
        holder.GetProperty("differences")[0].GetProperty("field").GetString().ShouldBe("creditCode");
        status.ShouldBe(HttpStatusCode.OK);
        ghost.GetProperty("kind").GetString().ShouldBe("NOT_FOUND");
        ghost.GetProperty("notFound").GetProperty("code").GetString().ShouldBe("NEVER_ISSUED");
        ghost.GetProperty("certificate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Every_forgery_is_a_200_not_genuine_with_its_code_a_plain_message_and_the_detail()
    {
        foreach (var (code, scanned) in await SiteScenarios.NotGenuineAsync(site.Scenarios))
        {
            var (status, json) = await GetAsync(scanned, "&lang=en");

            status.ShouldBe(HttpStatusCode.OK, code);
            json.GetProperty("kind").GetString().ShouldBe("NOT_GENUINE");
            var notGenuine = json.GetProperty("notGenuine");
            notGenuine.GetProperty("code").GetString().ShouldBe(code);
            notGenuine.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace(code);
            notGenuine.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
            notGenuine.GetProperty("message").GetString().ShouldNotBe(notGenuine.GetProperty("detail").GetString(), "the message is for people, the detail for developers");
            json.GetProperty("claims").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Post_takes_the_scanned_text_in_json_in_any_letter_case()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);
        using var client = site.CreateClient();

        var response = await client.PostAsJsonAsync(new Uri("/api/verify", UriKind.Relative), new { scanned = link.ToLowerInvariant() }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(response)).GetProperty("kind").GetString().ShouldBe("GENUINE_VALID");
    }

    [Fact]
    public async Task Input_that_cannot_be_a_code_is_a_problem_with_a_stable_code_before_any_key_is_loaded()
    {
        var loads = site.Keys.KeySetLoads;
        using var client = site.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        await ShouldBeProblemAsync(await client.GetAsync(new Uri("/api/verify", UriKind.Relative), cancel), "PAYLOAD_REQUIRED");
        await ShouldBeProblemAsync(await client.GetAsync(new Uri("/api/verify?payload=" + new string('A', 600), UriKind.Relative), cancel), "TOO_LARGE");
        await ShouldBeProblemAsync(await client.GetAsync(new Uri("/api/verify?payload=" + new string('A', 300), UriKind.Relative), cancel), "TOO_LARGE");
        await ShouldBeProblemAsync(await PostAsync(client, JsonSerializer.Serialize(new { scanned = new string('A', 10 * 1024) })), "TOO_LARGE");
        await ShouldBeProblemAsync(await PostAsync(client, "{\"scanned\": 42}"), "BAD_REQUEST_BODY");
        await ShouldBeProblemAsync(await PostAsync(client, "{\"scanned\": \"HTTPS://"), "BAD_REQUEST_BODY");
        await ShouldBeProblemAsync(await PostAsync(client, "not json"), "BAD_REQUEST_BODY");
        await ShouldBeProblemAsync(await PostAsync(client, "{}"), "BAD_REQUEST_BODY");
        await ShouldBeProblemAsync(await PostAsync(client, "{\"scanned\": null}"), "PAYLOAD_REQUIRED");
        site.Keys.KeySetLoads.ShouldBe(loads);
    }

    [Theory]
    [InlineData("ABCDEFGH!JKLMNOP", "BAD_ENCODING")]
    [InlineData("AA", "MALFORMED")]
    [InlineData("HTTP://127.0.0.1:8080/V/AA", "BAD_URL")]
    [InlineData("https://127.0.0.1:8080/v/AA/", "BAD_URL")]
    public async Task Garbled_codes_get_a_not_genuine_verdict_not_an_error(string scanned, string code)
    {
        var (status, json) = await GetAsync(scanned);

        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("notGenuine").GetProperty("code").GetString().ShouldBe(code);
        json.GetProperty("notGenuine").GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string scanned, string query = "")
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(new Uri("/api/verify?payload=" + Uri.EscapeDataString(scanned) + query, UriKind.Relative), TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return (response.StatusCode, await ReadAsync(response));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/verify", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var json = await ReadAsync(response);
        json.GetProperty("status").GetInt32().ShouldBe(400);
        json.GetProperty("code").GetString().ShouldBe(code);
        json.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }
}
