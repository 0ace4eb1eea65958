using System.Net.Http.Headers;
using Registry.Web.Features.Verification.Upload;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>POST /api/verify/image: a verdict as JSON, or an RFC 9457 problem with a stable code.</summary>
public sealed class UploadApiTests(FakeVerifierSite site) : IClassFixture<FakeVerifierSite>
{
    [Fact]
    public async Task A_registry_code_gets_its_verdict()
    {
        using var client = site.CreatePageClient();
        var link = QrPictures.RegistryLink("APICODE");
        using var form = Uploads.Form(QrPictures.Screenshot(link));

        var response = await client.PostAsync("/api/verify/image", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("registryCode").GetBoolean().ShouldBeTrue();
        root.GetProperty("decodedText").GetString().ShouldBe(link);
        root.GetProperty("codesFound").GetInt32().ShouldBe(1);
        root.GetProperty("verdict").GetProperty("kind").GetString().ShouldBe("GENUINE_VALID");
    }

    [Fact]
    public async Task The_picture_may_also_be_the_raw_body()
    {
        using var client = site.CreatePageClient();
        using var body = new ByteArrayContent(QrPictures.Png(QrPictures.RegistryLink("RAWBODY")));
        body.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var response = await client.PostAsync("/api/verify/image", body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("decodedText").GetString().ShouldBe(QrPictures.RegistryLink("RAWBODY"));
    }

    [Fact]
    public async Task A_foreign_code_is_answered_not_genuine_and_not_ours()
    {
        using var client = site.CreatePageClient();
        using var form = Uploads.Form(QrPictures.Png("https://example.com/menu"));

        var response = await client.PostAsync("/api/verify/image", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("registryCode").GetBoolean().ShouldBeFalse();
        root.GetProperty("decodedText").GetString().ShouldBe("https://example.com/menu");
        root.GetProperty("verdict").GetProperty("kind").GetString().ShouldBe("NOT_GENUINE");
        root.GetProperty("verdict").GetProperty("notGenuine").GetProperty("code").GetString().ShouldBe("BAD_URL");
    }

    public static TheoryData<string, HttpContent, HttpStatusCode, string> BadRequests => new()
    {
        { "text", Uploads.Form(CraftedFiles.Text), HttpStatusCode.UnsupportedMediaType, "NOT_AN_IMAGE" },
        { "webp", Uploads.Form(WebP(), "code.webp", "image/webp"), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_FORMAT" },
        { "bomb", Uploads.Form(CraftedFiles.PngBomb()), HttpStatusCode.UnprocessableEntity, "TOO_MANY_PIXELS" },
        { "no code", Uploads.Form(QrPictures.WithoutCode()), HttpStatusCode.UnprocessableEntity, "NO_QR_FOUND" },
        { "no field", Uploads.Form(QrPictures.Png("X"), field: "file"), HttpStatusCode.BadRequest, "NO_IMAGE" },
        { "json", new StringContent("{\"image\":\"...\"}", System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, "NO_IMAGE" },
        { "broken multipart", new StringContent("--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc", System.Text.Encoding.UTF8, "multipart/form-data"), HttpStatusCode.BadRequest, "NO_IMAGE" },
        { "too large", Uploads.Form(new byte[QrImageLimits.MaxFileBytes + 1]), HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE_FILE" },
        { "too large raw", Raw(new byte[QrImageLimits.MaxFileBytes + 1]), HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE_FILE" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_problem_with_a_stable_code(string name, HttpContent content, HttpStatusCode status, string code)
    {
        using var client = site.CreatePageClient();

        var response = await client.PostAsync("/api/verify/image?lang=en", content);

        response.StatusCode.ShouldBe(status, name);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", name);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("code").GetString().ShouldBe(code, name);
        json.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.RootElement.GetProperty("detail").GetString()!.Length.ShouldBeGreaterThan(20);
        content.Dispose();
    }

    private static byte[] WebP()
    {
        using var bitmap = QrPictures.Draw("X");
        return QrPictures.Encode(bitmap, SkiaSharp.SKEncodedImageFormat.Webp);
    }

    private static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
