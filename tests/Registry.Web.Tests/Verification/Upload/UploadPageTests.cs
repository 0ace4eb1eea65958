using AngleSharp.Html.Parser;
using Registry.Web.Features.Verification.Upload;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>POST /verify/upload as a browser form sends it, with real decoding and a fake verifier.</summary>
public sealed class UploadPageTests(FakeVerifierSite site) : IClassFixture<FakeVerifierSite>
{
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task The_form_works_without_javascript()
    {
        using var client = site.CreatePageClient();

        foreach (var path in new[] { "/verify/upload", "/verify" })
        {
            var page = _parser.ParseDocument(await client.GetStringAsync(path));
            var form = page.QuerySelector("[data-testid=qr-upload-form]").ShouldNotBeNull(path);
            form.GetAttribute("method").ShouldBe("post");
            form.GetAttribute("enctype").ShouldBe("multipart/form-data");
            form.GetAttribute("action").ShouldBe("/verify/upload");
            var input = form.QuerySelector("input[type=file]").ShouldNotBeNull();
            input.GetAttribute("name").ShouldBe("image");
            input.GetAttribute("accept").ShouldBe("image/png,image/jpeg");
            form.QuerySelector("button[type=submit]").ShouldNotBeNull();
        }

        var verify = _parser.ParseDocument(await client.GetStringAsync("/verify"));
        verify.QuerySelector("#scan-upload [data-testid=qr-upload-form]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_registry_code_leads_to_its_verify_page()
    {
        using var client = site.CreatePageClient();
        using var form = Uploads.Form(QrPictures.Photo(QrPictures.RegistryLink("ABCDEFGH"), 30f), "IMG_0001.JPG", "image/jpeg");

        var response = await client.PostAsync("/verify/upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.ShouldBe("/v/ABCDEFGH");
    }

    [Fact]
    public async Task A_registry_code_beside_another_code_is_the_one_verified()
    {
        using var client = site.CreatePageClient();
        using var form = Uploads.Form(QrPictures.SideBySide("https://weixin.example/shop", QrPictures.RegistryLink("BESIDE")));

        var response = await client.PostAsync("/verify/upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.ShouldBe("/v/BESIDE");
    }

    [Fact]
    public async Task A_code_that_is_not_ours_says_so_and_shows_its_text_safely()
    {
        using var client = site.CreatePageClient();
        const string foreign = "https://evil.example/<script>alert(1)</script>\u202Egpj.exe";
        using var form = Uploads.Form(QrPictures.Png(foreign));

        var response = await client.PostAsync("/verify/upload?lang=en", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        var page = _parser.ParseDocument(html);
        page.QuerySelector("[data-testid=not-registry-code] h2")!.TextContent.ShouldBe("This QR code is not a Star Registry code");
        page.QuerySelector("[data-testid=decoded-text]")!.TextContent.ShouldBe("https://evil.example/<script>alert(1)</script>\uFFFDgpj.exe");
        page.QuerySelector("[data-testid=decoded-text] a").ShouldBeNull();
    }

    [Fact]
    public async Task Plain_text_in_a_code_is_not_ours_either_and_long_text_is_cut()
    {
        using var client = site.CreatePageClient();
        var text = new string('A', 150) + new string('字', 150);
        using var form = Uploads.Form(QrPictures.Png(text, pixelsPerModule: 4));

        var response = await client.PostAsync("/verify/upload", form);

        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=not-registry-code] h2")!.TextContent.ShouldBe("此二维码不是星级证书登记库的二维码");
        page.QuerySelector("[data-testid=decoded-text]")!.TextContent.ShouldBe(text[..200] + "…");
    }

    public static TheoryData<string, byte[], HttpStatusCode, string> BadPictures => new()
    {
        { "text", CraftedFiles.Text, HttpStatusCode.UnsupportedMediaType, "NOT_AN_IMAGE" },
        { "pdf", CraftedFiles.Pdf, HttpStatusCode.UnsupportedMediaType, "NOT_AN_IMAGE" },
        { "truncated png", QrPictures.Png("X")[..30], HttpStatusCode.UnsupportedMediaType, "NOT_AN_IMAGE" },
        { "gif", CraftedFiles.Gif, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_FORMAT" },
        { "png bomb", CraftedFiles.PngBomb(), HttpStatusCode.UnprocessableEntity, "TOO_MANY_PIXELS" },
        { "jpeg bomb", CraftedFiles.JpegBomb(), HttpStatusCode.UnprocessableEntity, "TOO_MANY_PIXELS" },
        { "no code", QrPictures.WithoutCode(), HttpStatusCode.UnprocessableEntity, "NO_QR_FOUND" },
        { "two registry codes", QrPictures.SideBySide(QrPictures.RegistryLink("ONE"), QrPictures.RegistryLink("TWO")), HttpStatusCode.UnprocessableEntity, "SEVERAL_QR_CODES" },
        { "empty file", [], HttpStatusCode.BadRequest, "NO_IMAGE" },
    };

    [Theory]
    [MemberData(nameof(BadPictures))]
    public async Task Bad_input_gets_a_clear_message_never_an_error_page(string name, byte[] file, HttpStatusCode status, string code)
    {
        using var client = site.CreatePageClient();
        // The name and type claim PNG whatever the bytes are: only the bytes count.
        using var form = Uploads.Form(file, "code.png", "image/png");

        var response = await client.PostAsync("/verify/upload?lang=en", form);

        response.StatusCode.ShouldBe(status, name);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var problem = page.QuerySelector("[data-testid=upload-problem]").ShouldNotBeNull(name);
        problem.GetAttribute("data-code").ShouldBe(code);
        problem.TextContent.Trim().Length.ShouldBeGreaterThan(20);
        page.QuerySelector("[data-testid=qr-upload-form]").ShouldNotBeNull("the form is offered again");
    }

    [Fact]
    public async Task An_unsupported_format_is_named_in_the_message()
    {
        using var client = site.CreatePageClient();
        using var form = Uploads.Form(CraftedFiles.Gif, "code.gif", "image/gif");

        var response = await client.PostAsync("/verify/upload", form);

        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=upload-problem]")!.TextContent.Trim().ShouldStartWith("无法读取 GIF 格式的图片");
    }

    [Fact]
    public async Task A_form_without_the_image_field_is_told_to_choose_a_picture()
    {
        using var client = site.CreatePageClient();
        using var form = Uploads.Form(QrPictures.Png(QrPictures.RegistryLink()), field: "photo");

        var response = await client.PostAsync("/verify/upload?lang=en", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=upload-problem]")!.TextContent.Trim().ShouldBe("Choose a photo or screenshot of the QR code first.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_over_the_limit_is_refused_with_413_and_a_friendly_page(bool chunked)
    {
        using var client = site.CreatePageClient();
        var big = new byte[QrImageLimits.MaxFileBytes + 1];
        QrPictures.Png("X").CopyTo(big, 0);
        using var form = Uploads.Form(big);
        using var body = chunked ? Uploads.Chunked(form) : form;

        var response = await client.PostAsync("/verify/upload?lang=en", body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var problem = page.QuerySelector("[data-testid=upload-problem]").ShouldNotBeNull();
        problem.GetAttribute("data-code").ShouldBe("TOO_LARGE_FILE");
        problem.TextContent.Trim().ShouldBe("The file is larger than 8 MB. Send a smaller photo, or a screenshot of the code.");
    }
}
