using AngleSharp.Html.Parser;
using Registry.Web.Features.Verification.Upload;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>
/// Signed codes from the test registry, photographed and uploaded: real decoding, the real verifier and keys,
/// and the /v/ page the upload leads to.
/// </summary>
[Collection(VerificationSiteGroup.Name)]
public sealed class UploadEndToEndTests(VerificationSite site)
{
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task A_photo_of_a_genuine_code_leads_to_its_genuine_and_valid_verdict()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);
        using var client = site.CreateClient();
        using var form = Uploads.Form(QrPictures.Photo(link, 17f), "photo.jpg", "image/jpeg");

        var response = await client.PostAsync("/verify/upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldBe("/v/" + VerificationScenarios.PayloadOf(link));
        var page = _parser.ParseDocument(await client.GetStringAsync(location));
        page.QuerySelector("[data-testid=verdict]")!.GetAttribute("data-kind").ShouldBe("GenuineValid");
    }

    [Fact]
    public async Task The_api_answers_a_suspended_certificate_from_a_screenshot()
    {
        var (_, link) = await SiteScenarios.WithStatusAsync(site.Scenarios, CertificateStatus.Suspended);
        using var client = site.CreateClient();
        using var form = Uploads.Form(QrPictures.Screenshot(link));

        var response = await client.PostAsync("/api/verify/image", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("registryCode").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("verdict").GetProperty("kind").GetString().ShouldBe("GENUINE_NOT_VALID");
        json.RootElement.GetProperty("verdict").GetProperty("status").GetString().ShouldBe("SUSPENDED");
    }

    [Fact]
    public async Task A_forged_code_in_the_registry_format_gets_the_not_genuine_verdict_page()
    {
        var forged = (await SiteScenarios.NotGenuineAsync(site.Scenarios)).Single(c => c.Code == "BAD_SIGNATURE").Scanned;
        using var client = site.CreateClient();
        using var form = Uploads.Form(QrPictures.Png(forged));

        var response = await client.PostAsync("/verify/upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var page = _parser.ParseDocument(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        var verdict = page.QuerySelector("[data-testid=verdict]")!;
        verdict.GetAttribute("data-kind").ShouldBe("NotGenuine");
        verdict.GetAttribute("data-code").ShouldBe("BAD_SIGNATURE");
    }

    [Theory]
    [InlineData("lookalike host")]
    [InlineData("plain text")]
    [InlineData("shop link")]
    public async Task A_code_that_is_not_the_registrys_says_so(string kind)
    {
        var genuine = await SiteScenarios.ValidAsync(site.Scenarios);
        var text = kind switch
        {
            // A genuine payload behind another host: a phishing copy of a real plaque's code.
            "lookalike host" => "HTTPS://STAR-REGISTRY.EXAMPLE.COM/V/" + VerificationScenarios.PayloadOf(genuine),
            "plain text" => "HELLO",
            _ => "https://shop.example.com/item/42",
        };
        using var client = site.CreateClient();
        using var form = Uploads.Form(QrPictures.Png(text));

        var response = await client.PostAsync("/verify/upload?lang=en", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=not-registry-code] h2")!.TextContent.ShouldBe("This QR code is not a Star Registry code");
        // Shown as decoded, cut at 200 characters (the lookalike link is longer).
        page.QuerySelector("[data-testid=decoded-text]")!.TextContent.ShouldBe(DisplayText.Of(text));
        page.QuerySelector("[data-testid=decoded-text]")!.TextContent.ShouldStartWith(text[..Math.Min(text.Length, 30)]);
    }

    [Fact]
    public async Task Of_a_registry_code_and_a_shop_code_in_one_photo_the_registry_code_is_verified()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);
        using var client = site.CreateClient();
        using var form = Uploads.Form(QrPictures.SideBySide("https://shop.example.com/wechat", link));

        var response = await client.PostAsync("/api/verify/image", form);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("codesFound").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("decodedText").GetString().ShouldBe(link);
        json.RootElement.GetProperty("verdict").GetProperty("kind").GetString().ShouldBe("GENUINE_VALID");
    }
}
