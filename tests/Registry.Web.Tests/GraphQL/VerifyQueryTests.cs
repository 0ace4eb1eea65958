using System.Net.Http.Json;

namespace Registry.Web.Tests.GraphQL;

/// <summary>verify(payload:) gives the verify page's verdict: the same kind, status and facts as /api/verify.</summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class VerifyQueryTests(GraphQLSite site)
{
    private const string Verify = """
        query($p: String!) {
          verify(payload: $p) {
            kind status since reason notGenuineCode notFoundReason explanationZh explanationEn
            differences { field signedValue registryValue }
            claims { number creditCode level issuedOn expiresOn medium serial signedBy keyId }
            certificate { number status organisation { nameZh } }
          }
        }
        """;

    public static TheoryData<string> Kinds => ["valid", "suspended", "withdrawn", "expired", "level lowered", "never issued", "altered signature"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_verdict_is_the_REST_verdict(string kind)
    {
        var scanned = await ScannedAsync(kind);

        var graphQL = await site.Client.PostAsync(Verify, new { p = scanned });
        var rest = await site.Client.Http.GetFromJsonAsync<JsonElement>("/api/verify?payload=" + Uri.EscapeDataString(scanned));

        graphQL.Codes.ShouldBeEmpty(graphQL.ToString());
        var verdict = graphQL.Data.GetProperty("verify");
        verdict.GetProperty("kind").GetString().ShouldBe(rest.GetProperty("kind").GetString(), kind);
        verdict.GetProperty("status").ToString().ShouldBe(rest.GetProperty("status").ToString(), kind);
        verdict.GetProperty("since").ToString().ShouldBe(rest.GetProperty("since").ToString(), kind);
        verdict.GetProperty("reason").ToString().ShouldBe(rest.GetProperty("reason").ToString(), kind);
        verdict.GetProperty("differences").GetArrayLength().ShouldBe(rest.GetProperty("differences").GetArrayLength(), kind);
        var notGenuine = rest.GetProperty("notGenuine");
        verdict.GetProperty("notGenuineCode").ToString().ShouldBe(notGenuine.ValueKind == JsonValueKind.Null ? string.Empty : notGenuine.GetProperty("code").GetString(), kind);
        verdict.GetProperty("explanationZh").GetString().ShouldNotBeNullOrWhiteSpace();
        verdict.GetProperty("explanationEn").GetString().ShouldNotBeNullOrWhiteSpace();
        if (rest.GetProperty("claims").ValueKind == JsonValueKind.Object)
        {
            verdict.GetProperty("claims").GetProperty("number").GetString().ShouldBe(rest.GetProperty("claims").GetProperty("number").GetString());
            verdict.GetProperty("claims").GetProperty("medium").GetString().ShouldBe(rest.GetProperty("claims").GetProperty("medium").GetString());
        }
    }

    [Fact]
    public async Task A_genuine_code_links_to_the_registry_certificate_and_its_live_status()
    {
        var (issued, link) = await SiteScenarios.WithStatusAsync(site.Verification, CertificateStatus.Suspended);

        var answer = await site.Client.PostAsync(Verify, new { p = link });

        var verdict = answer.Data.GetProperty("verify");
        verdict.GetProperty("kind").GetString().ShouldBe("GENUINE_NOT_VALID");
        verdict.GetProperty("status").GetString().ShouldBe("SUSPENDED");
        verdict.GetProperty("since").GetString().ShouldBe("2025-12-01");
        verdict.GetProperty("reason").GetString().ShouldBe(SiteScenarios.SuspensionReason);
        verdict.GetProperty("certificate").GetProperty("number").GetString().ShouldBe(issued.Certificate.Number);
        verdict.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("SUSPENDED");
        verdict.GetProperty("certificate").GetProperty("organisation").GetProperty("nameZh").GetString().ShouldBe(issued.Organisation.LegalNameZh);
        verdict.GetProperty("claims").GetProperty("signedBy").GetString().ShouldBe(issued.Body.Code);
    }

    private async Task<string> ScannedAsync(string kind) => kind switch
    {
        "valid" => await SiteScenarios.ValidAsync(site.Verification),
        "suspended" => (await SiteScenarios.WithStatusAsync(site.Verification, CertificateStatus.Suspended)).Link,
        "withdrawn" => (await SiteScenarios.WithStatusAsync(site.Verification, CertificateStatus.Withdrawn)).Link,
        "expired" => (await SiteScenarios.WithStatusAsync(site.Verification, CertificateStatus.Expired)).Link,
        "level lowered" => await SiteScenarios.LevelLoweredAsync(site.Verification),
        "never issued" => await SiteScenarios.NeverIssuedAsync(site.Verification),
        _ => (await SiteScenarios.NotGenuineAsync(site.Verification))[0].Scanned,
    };
}
