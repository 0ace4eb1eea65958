using System.Net.Http.Headers;
using Registry.Signing.Keys;

namespace Registry.Web.Tests.SigningKeys;

public sealed class JwksEndpointTests(RegistryDatabase database, JwksSite site) : IClassFixture<JwksSite>
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task Every_key_is_published_with_its_state_and_no_private_member()
    {
        var body = await _registry.AddBodyAsync();
        var first = await site.Store.CreateAsync(body.Code, "test", CancellationToken.None);
        var rotation = await site.Store.RotateAsync(body.Code, "test", CancellationToken.None);
        var third = (await site.Store.RotateAsync(body.Code, "test", CancellationToken.None)).Active;
        await site.Store.RevokeAsync(rotation.Active.Kid, "test revocation", "test", CancellationToken.None);
        List<string> stored;
        await using (var db = database.CreateContext())
        {
            stored = await db.SigningKeys.Select(k => k.Kid).ToListAsync();
        }

        using var response = await site.Site.CreateClient().GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/jwk-set+json");
        var json = await response.Content.ReadAsStringAsync();
        var published = Jwks.Read(json);
        stored.ShouldBeSubsetOf(published.Select(k => k.Id.ToString()), "every key in the database, revoked ones included");
        var mine = published.Where(k => k.Issuer == body.Code).ToDictionary(k => k.Id.ToString());
        mine[first.Kid].State.ShouldBe(KeyState.Retired);
        mine[rotation.Active.Kid].State.ShouldBe(KeyState.Revoked);
        mine[third.Kid].State.ShouldBe(KeyState.Active);
        mine[third.Kid].NotAfter.ShouldBeNull();

        using var document = JsonDocument.Parse(json);
        var states = document.RootElement.GetProperty("keys").EnumerateArray()
            .Where(k => k.TryGetProperty("star_issuer", out var issuer) && issuer.GetString() == body.Code)
            .ToDictionary(k => k.GetProperty("kid").GetString()!, k => k.GetProperty("star_state").GetString());
        states.ShouldBe(new Dictionary<string, string?> { [first.Kid] = "retired", [rotation.Active.Kid] = "revoked", [third.Kid] = "active" }, ignoreOrder: true);
        MemberNames(document.RootElement).ShouldNotContain("d", "a private member must never be published");
        MemberNames(document.RootElement).Where(n => n is not ("keys" or "kty" or "crv" or "x" or "y" or "kid" or "use" or "alg") && !n.StartsWith("star_", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task The_document_is_cacheable_and_answers_304_to_its_own_etag()
    {
        var client = site.Site.CreateClient();
        using var first = await client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        var eTag = first.Headers.ETag.ShouldNotBeNull();
        eTag.IsWeak.ShouldBeFalse();
        first.Headers.CacheControl!.Public.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        first.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks.json");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        again.Headers.IfNoneMatch.Add(eTag);
        using var notModified = await client.SendAsync(again);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        notModified.Headers.ETag.ShouldBe(eTag);
        notModified.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        (await client.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_change_gives_a_new_etag_at_once()
    {
        var client = site.Site.CreateClient();
        using var before = await client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        var body = await _registry.AddBodyAsync();

        var key = await site.Store.CreateAsync(body.Code, "test", CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks.json");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.ETag.ShouldNotBe(before.Headers.ETag);
        Jwks.Read(await after.Content.ReadAsStringAsync()).Select(k => k.Id.ToString()).ShouldContain(key.Kid);
    }

    private static IEnumerable<string> MemberNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => MemberNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(MemberNames),
        _ => [],
    };
}
