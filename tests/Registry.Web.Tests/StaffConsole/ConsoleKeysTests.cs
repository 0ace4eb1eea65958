using Microsoft.Extensions.DependencyInjection;
using Registry.Signing.Keys;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>The body's signing keys in the console: administrators rotate and revoke, with confirmations; others read.</summary>
public sealed class ConsoleKeysTests(RegistryDatabase database)
{
    [Fact]
    public async Task An_administrator_rotates_only_after_confirming_and_the_audit_names_them()
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        var first = await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Code, "console keys test", CancellationToken.None);
        var admin = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, admin);

        using (var unconfirmed = await ConsoleStaff.PostFormAsync(console, "/console/keys?handler=Rotate", ("expectedActiveKid", first.Kid)))
        {
            unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await unconfirmed.Content.ReadAsStringAsync()).ShouldContain("data-code=\"NOT_CONFIRMED\"");
        }

        using (var rotated = await ConsoleStaff.PostFormAsync(console, "/console/keys?handler=Rotate", ("expectedActiveKid", first.Kid), ("confirm", "true")))
        {
            rotated.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        var page = await console.GetStringAsync(new Uri("/console/keys", UriKind.Relative));
        page.ShouldContain($"data-kid=\"{first.Kid}\" data-state=\"Retired\"");
        page.ShouldContain("data-state=\"Active\"");
        await using var db = database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.BodyId == body.Id && e.Operation == "signing-key.rotate");
        entry.StaffName.ShouldBe("测试员 " + body.Code);
        (await db.SigningKeys.CountAsync(k => k.BodyId == body.Id && k.State == KeyState.Active)).ShouldBe(1);
    }

    [Fact]
    public async Task A_publisher_sees_the_keys_but_cannot_rotate_or_revoke_and_no_one_touches_another_bodys_key()
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        var other = await new TestRegistry(database).AddBodyAsync();
        var store = database.Site.Services.GetRequiredService<SigningKeyStore>();
        var mine = await store.CreateAsync(body.Code, "console keys test", CancellationToken.None);
        var theirs = await store.CreateAsync(other.Code, "console keys test", CancellationToken.None);
        var publisher = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        var admin = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: body);
        using var publishing = await ConsoleStaff.SignedInAsync(database, publisher);

        var page = await publishing.GetStringAsync(new Uri("/console/keys", UriKind.Relative));
        page.ShouldContain(mine.Kid);
        page.ShouldNotContain(theirs.Kid);
        page.ShouldContain("data-testid=\"keys-viewer-note\"");
        var token = ConsoleStaff.AntiforgeryToken(await publishing.GetStringAsync(new Uri("/console", UriKind.Relative)));
        using (var refused = await publishing.PostAsync(new Uri("/console/keys?handler=Rotate", UriKind.Relative),
                   new FormUrlEncodedContent([new("confirm", "true"), new("__RequestVerificationToken", token)])))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var administering = await ConsoleStaff.SignedInAsync(database, admin);
        using var foreign = await ConsoleStaff.PostFormAsync(administering, "/console/keys?handler=Revoke", ("kid", theirs.Kid), ("reason", "not mine"), ("confirm", "true"));
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await store.ListAsync(other.Code, CancellationToken.None)).Single().State.ShouldBe(KeyState.Active);
    }
}
