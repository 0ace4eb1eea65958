using Microsoft.AspNetCore.Mvc.Testing;

namespace Registry.Web.Tests.Site;

/// <summary>
/// Every answer carries the headers a public site owes its visitors: a Content-Security-Policy without 'unsafe-inline'
/// that no page may frame, nosniff, a referrer policy; no Server header; the language cookie Secure over HTTPS.
/// </summary>
public sealed class SecurityHeadersTests(RegistryDatabase database)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=%E6%B5%8B%E8%AF%95")]
    [InlineData("/verify")]
    [InlineData("/verify/upload")]
    [InlineData("/certificates/NOPE123456")]
    [InlineData("/no-such-page")]
    public async Task Pages_send_a_policy_without_unsafe_inline_that_forbids_framing(string path)
    {
        using var client = database.Site.CreatePageClient();

        using var response = await client.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("default-src 'none'");
        policy.ShouldContain("script-src 'self' 'nonce-");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Theory]
    [InlineData("/api/verify?payload=AAAA")]
    [InlineData("/.well-known/jwks.json")]
    [InlineData("/search/suggest?q=%E6%9D%AD")]
    public async Task Answers_for_programs_may_load_nothing_and_may_not_be_framed(string path)
    {
        using var client = database.Site.CreatePageClient();

        using var response = await client.GetAsync(path);

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("default-src 'none'; frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Each_page_gets_a_nonce_of_its_own_which_its_scripts_carry()
    {
        using var client = database.Site.CreatePageClient();

        // Two renderings (two keys of the output cache), and a repeat that the cache may answer.
        using var first = await client.GetAsync("/?n=1");
        using var second = await client.GetAsync("/?n=2");
        using var repeat = await client.GetAsync("/?n=1");

        var nonce = Nonce(first);
        nonce.ShouldNotBe(Nonce(second));
        foreach (var answer in new[] { first, second, repeat })
        {
            (await answer.Content.ReadAsStringAsync()).ShouldContain($"nonce=\"{Nonce(answer)}\"", customMessage: "the header's nonce is its own body's, cached or not");
        }
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var client = new HttpClient { BaseAddress = database.BrowserSiteAddress };

        using var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Server.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_language_cookie_is_secure_over_https_and_only_then()
    {
        using var https = database.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var http = database.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var overHttps = await https.GetAsync("/?lang=en");
        using var overHttp = await http.GetAsync("/?lang=en");

        overHttps.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant().ShouldContain("; secure");
        overHttp.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant().ShouldNotContain("; secure");
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var start = policy.IndexOf("'nonce-", StringComparison.Ordinal) + "'nonce-".Length;
        return policy[start..policy.IndexOf('\'', start)];
    }
}
