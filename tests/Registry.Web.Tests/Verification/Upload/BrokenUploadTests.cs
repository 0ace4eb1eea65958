namespace Registry.Web.Tests.Verification.Upload;

/// <summary>Empty, cut-off and badly named multipart bodies on both upload paths: a clear 400 each, never a 500.</summary>
public sealed class BrokenUploadTests(FakeVerifierSite site) : IClassFixture<FakeVerifierSite>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "empty", string.Empty },
        { "cut off inside the file", "--XX\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG" },
        { "cut off inside the headers", "--XX\r\nContent-Disposition: form-da" },
        { "no closing boundary", "--XX\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nvalue\r\n" },
        { "a file name with a NUL", "--XX\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a\u0000.png\"\r\nContent-Type: image/png\r\n\r\nabc\r\n--XX--\r\n" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_api_answers_a_problem(string label, string body)
    {
        using var client = site.CreateClient();

        using var response = await client.PostAsync("/api/verify/image", Multipart(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, label);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", label);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString().ShouldBe("NO_IMAGE", label);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_page_answers_with_its_form_and_the_reason(string label, string body)
    {
        using var client = site.CreateClient();

        using var response = await client.PostAsync("/verify/upload", Multipart(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, label);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", label);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
    }

    private static ByteArrayContent Multipart(string body)
    {
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XX");
        return content;
    }
}
