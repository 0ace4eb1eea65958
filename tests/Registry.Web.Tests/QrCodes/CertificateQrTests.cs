using Registry.Domain.Time;

namespace Registry.Web.Tests.QrCodes;

/// <summary>
/// The certificate's own code, end to end: the site renders it, zbarimg (an independent decoder) reads the
/// PNG, and the text it read verifies as GENUINE and VALID through the REST endpoint and the /v/ page.
/// </summary>
[Collection(VerificationSiteGroup.Name)]
public sealed class CertificateQrTests(VerificationSite site)
{
    [Fact]
    public async Task The_png_decoded_by_zbar_verifies_as_genuine_and_valid()
    {
        var issued = await site.Scenarios.IssueAsync(new DateOnly(2025, 9, 1));
        using var client = site.CreateClient();

        var response = await client.GetAsync(Relative($"/certificates/{issued.Certificate.Number.ToLowerInvariant()}/qr.png"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var decoded = await Zbar.DecodeAsync(await response.Content.ReadAsByteArrayAsync(Cancel));
        decoded.ShouldStartWith("HTTPS://127.0.0.1:8080/V/");

        using var verdict = JsonDocument.Parse(await client.GetStringAsync(Relative("/api/verify?payload=" + Uri.EscapeDataString(decoded)), Cancel));
        verdict.RootElement.GetProperty("kind").GetString().ShouldBe("GENUINE_VALID");
        var claims = verdict.RootElement.GetProperty("claims");
        claims.GetProperty("number").GetString().ShouldBe(issued.Certificate.NormalizedNumber);
        claims.GetProperty("medium").GetString().ShouldBe("CERTIFICATE");
        claims.GetProperty("serial").GetUInt32().ShouldBe(0u);
        claims.GetProperty("signedOn").GetString().ShouldBe(RegistryCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        claims.GetProperty("keyId").GetString().ShouldBe(issued.Key.ToString());

        var page = await client.GetStringAsync(Relative("/V/" + VerificationScenarios.PayloadOf(decoded)), Cancel);
        page.ShouldContain("data-kind=\"GenuineValid\"");
    }

    [Fact]
    public async Task The_svg_is_the_same_code_with_its_quiet_zone()
    {
        var issued = await site.Scenarios.IssueAsync(new DateOnly(2025, 9, 2));
        using var client = site.CreateClient();

        var response = await client.GetAsync(Relative($"/certificates/{issued.Certificate.NormalizedNumber}/qr.svg"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = await response.Content.ReadAsStringAsync(Cancel);
        svg.ShouldContain("viewBox=\"0 0 65 65\"", Case.Sensitive, "version 10: 57 modules and 4 of quiet zone each side");
        svg.ShouldContain("M4 4h7v1h-7z");
    }

    [Fact]
    public async Task No_code_without_an_active_key_or_for_a_certificate_that_is_not_valid()
    {
        var (keyless, _) = await site.Scenarios.Registry.IssueAsync(new DateOnly(2025, 9, 3));
        var (withdrawn, link) = await SiteScenarios.WithStatusAsync(site.Scenarios, CertificateStatus.Withdrawn);
        link.ShouldNotBeEmpty();

        await ShouldBeProblemAsync($"/certificates/{keyless.NormalizedNumber}/qr.png", HttpStatusCode.Conflict, "NO_ACTIVE_KEY");
        await ShouldBeProblemAsync($"/certificates/{withdrawn.Certificate.NormalizedNumber}/qr.svg", HttpStatusCode.Conflict, "CERTIFICATE_NOT_VALID");
        await ShouldBeProblemAsync("/certificates/NOSUCH0000000/qr.png", HttpStatusCode.NotFound, "CERTIFICATE_NOT_FOUND");
        await ShouldBeProblemAsync("/certificates/%E2%91%A0%E2%91%A1/qr.png", HttpStatusCode.BadRequest, "BAD_NUMBER");
    }

    [Fact]
    public async Task A_revoked_key_is_not_used_for_new_codes()
    {
        var issued = await site.Scenarios.IssueAsync(new DateOnly(2025, 9, 4));
        site.Keys.Revoke(issued.Key);

        await ShouldBeProblemAsync($"/certificates/{issued.Certificate.NormalizedNumber}/qr.png", HttpStatusCode.Conflict, "NO_ACTIVE_KEY");
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private async Task ShouldBeProblemAsync(string path, HttpStatusCode status, string code)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(Relative(path), Cancel);
        response.StatusCode.ShouldBe(status, path);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        problem.RootElement.GetProperty("code").GetString().ShouldBe(code);
        problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
