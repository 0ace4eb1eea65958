using System.IO.Compression;
using System.Net.Http.Headers;
using Registry.Web.Features.Site;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.Site;

/// <summary>Pages, API answers and assets are sent compressed; versioned assets are immutable; the console is never compressed.</summary>
public sealed class CompressionTests(RegistryDatabase database)
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_home_page_and_the_stylesheet_come_compressed_and_decompress_to_the_same_bytes(string encoding)
    {
        using var plain = database.Site.CreateClient();
        var page = await plain.GetByteArrayAsync(new Uri("/", UriKind.Relative));
        var css = await plain.GetByteArrayAsync(new Uri("/css/site.css?v=1", UriKind.Relative));

        using var client = database.Site.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        foreach (var (path, expected) in new[] { ("/", page), ("/css/site.css?v=1", css) })
        {
            using var answer = await client.GetAsync(new Uri(path, UriKind.Relative));
            answer.Content.Headers.ContentEncoding.ShouldBe([encoding], path);
            var compressed = await answer.Content.ReadAsByteArrayAsync();
            compressed.Length.ShouldBeLessThan(expected.Length / 2, path);
            using var input = new MemoryStream(compressed);
            await using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            await decompressor.CopyToAsync(output);
            if (path != "/")
            {
                output.ToArray().ShouldBe(expected, path);
            }
            else
            {
                // The page carries a fresh nonce per answer; the rest is the same page.
                output.Length.ShouldBeInRange(expected.Length - 64, expected.Length + 64);
            }
        }
    }

    [Fact]
    public async Task A_versioned_asset_is_immutable_for_a_year_and_an_unversioned_one_is_not()
    {
        using var client = database.Site.CreateClient();
        using var versioned = await client.GetAsync(new Uri("/css/site.css?v=abc", UriKind.Relative));
        versioned.Headers.CacheControl!.ToString().ShouldBe(StaticAssets.Immutable);
        using var unversioned = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        unversioned.Headers.CacheControl!.ToString().ShouldBe(StaticAssets.Unversioned);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        home.ShouldContain("/css/site.css?v=", customMessage: "pages link the versioned URL");
    }

    [Fact]
    public async Task Console_answers_are_never_compressed()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        console.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var page = await console.GetAsync(new Uri("/console/certificates", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentEncoding.ShouldBeEmpty("a page with an antiforgery token and the member's own query is not compressed");
        using var signIn = await console.GetAsync(new Uri("/console/sign-in", UriKind.Relative));
        signIn.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }
}
