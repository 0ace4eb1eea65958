using Microsoft.Extensions.DependencyInjection;
using Registry.Signing.Keys;
using Registry.Signing.Receipts;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.SigningKeys;

namespace Registry.Web.Tests.Receipts;

/// <summary>The registry's receipt key on a database of its own, since rotating and revoking it would change every other test's receipts.</summary>
public sealed class ReceiptKeyTests : IAsyncLifetime
{
    private readonly RegistryDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Rotation_keeps_old_receipts_genuine_and_revocation_ends_them_on_every_instance()
    {
        var (certificate, _) = await new TestRegistry(_database).IssueAsync(new DateOnly(2026, 3, 1));
        using var pages = _database.Site.CreatePageClient();
        await using (var db = _database.CreateContext())
        {
            (await db.SigningKeys.CountAsync(k => k.BodyId == null)).ShouldBe(0, "a new registry has no receipt key yet");
        }

        var first = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));
        var firstKid = (await TestSupport.Receipts.VerifyDownloadAsync(pages, first)).ShouldBeOfType<GenuineReceipt>().Key.Id.ToString();
        var jwks = Jwks.Read(await pages.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)));
        jwks.Single(k => k.Purpose == KeyPurpose.Receipts).Id.ToString().ShouldBe(firstKid, "the first receipt made the key, and the JWKS publishes it");

        // Another instance (an operator command, say) rotates; this site has the old key set cached.
        var operatorStore = TestStores.Create(_database);
        var rotation = await operatorStore.RotateReceiptKeyAsync("receipt key test", CancellationToken.None);
        rotation.Retired.Kid.ShouldBe(firstKid);
        rotation.Active.BodyCode.ShouldBe(SigningKeyInfo.RegistryIssuer);

        var second = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));
        var secondPage = await pages.GetStringAsync(new Uri($"/receipts/{second}", UriKind.Relative));
        secondPage.ShouldContain("data-genuine=\"true\"", customMessage: "a receipt signed with a key this instance had not read yet");
        secondPage.ShouldContain(rotation.Active.Kid);
        (await pages.GetStringAsync(new Uri($"/receipts/{first}", UriKind.Relative))).ShouldContain("data-genuine=\"true\"");

        var siteStore = _database.Site.Services.GetRequiredService<SigningKeyStore>();
        await siteStore.RevokeAsync(firstKid, "receipt key test: backup lost", "receipt key test", CancellationToken.None);
        var revoked = await pages.GetStringAsync(new Uri($"/receipts/{first}", UriKind.Relative));
        revoked.ShouldContain("data-genuine=\"false\"");
        revoked.ShouldContain("data-code=\"REVOKED_KEY\"");
        (await TestSupport.Receipts.VerifyDownloadAsync(pages, first)).ShouldBeOfType<NotGenuineReceipt>().Code.ShouldBe("REVOKED_KEY");
        (await pages.GetStringAsync(new Uri($"/receipts/{second}", UriKind.Relative))).ShouldContain("data-genuine=\"true\"");

        var listed = await siteStore.ListAsync(bodyCode: null, CancellationToken.None);
        listed.Where(k => k.BodyCode == SigningKeyInfo.RegistryIssuer).Select(k => (k.Kid, k.State))
            .ShouldBe([(firstKid, KeyState.Revoked), (rotation.Active.Kid, KeyState.Active)], ignoreOrder: true);
    }

    [Fact]
    public async Task There_is_one_active_receipt_key_and_ensure_makes_it_once()
    {
        var store = TestStores.Create(_database);

        var made = await store.EnsureReceiptKeyAsync("receipt key test", CancellationToken.None);
        var again = await store.EnsureReceiptKeyAsync("receipt key test", CancellationToken.None);

        made.ShouldNotBeNull().BodyCode.ShouldBe(SigningKeyInfo.RegistryIssuer);
        again.ShouldBeNull();
        var refused = await Should.ThrowAsync<SigningKeyException>(() => store.CreateReceiptKeyAsync("receipt key test", CancellationToken.None));
        refused.Error.ShouldBe(SigningKeyError.Refused);
        refused.Message.ShouldContain("keys rotate --receipts");
        using var active = (await store.ActiveReceiptKeyAsync(CancellationToken.None)).ShouldNotBeNull();
        active.Id.ToString().ShouldBe(made.Kid);
        (await store.AllAsync(CancellationToken.None)).Find(active.Id)!.Purpose.ShouldBe(KeyPurpose.Receipts);
    }
}
