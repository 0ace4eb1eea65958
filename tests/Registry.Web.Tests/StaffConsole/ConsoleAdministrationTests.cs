using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Registry.Web.Features.Audit;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>A body's administrators manage its API keys and its staff in the console, within the body only, audited.</summary>
public sealed partial class ConsoleAdministrationTests(RegistryDatabase database)
{
    [Fact]
    public async Task An_api_key_created_in_the_console_is_shown_once_works_and_stops_working_when_revoked()
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        var admin = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, admin);

        using var created = await ConsoleStaff.PostFormAsync(console, "/console/api-keys?handler=Create", ("label", "ERP 系统"), ("expiresOn", ""));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await created.Content.ReadAsStringAsync();
        var token = TokenShown().Match(html).Groups["token"].Value;
        var keyId = KeyIdShown().Match(html).Groups["id"].Value;
        token.ShouldNotBeNullOrEmpty();
        (await console.GetStringAsync(new Uri("/console/api-keys", UriKind.Relative))).ShouldNotContain(token, customMessage: "the token is shown on its answer only");
        await using (var db = database.CreateContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.KeyId == keyId);
            Encoding.UTF8.GetString(stored.SecretHash).ShouldNotContain(token);
            stored.CreatedBy.ShouldBe($"{body.Code} console: 测试员 {body.Code}");
        }

        using var api = PublishingApiClient.WithKey(database.Site.CreateClient(), token);
        var number = PublishingApiClient.NewNumber();
        using (var issued = await api.PostAsJsonAsync(new Uri("/api/publishing/certificates", UriKind.Relative), PublishingApiClient.IssueFields(number)))
        {
            issued.IsSuccessStatusCode.ShouldBeTrue();
        }

        using (var unconfirmed = await ConsoleStaff.PostFormAsync(console, "/console/api-keys?handler=Revoke", ("keyId", keyId)))
        {
            unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var revoked = await ConsoleStaff.PostFormAsync(console, "/console/api-keys?handler=Revoke", ("keyId", keyId), ("confirm", "yes")))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using (var refused = await api.PostAsJsonAsync(new Uri("/api/publishing/certificates", UriKind.Relative), PublishingApiClient.IssueFields()))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var other = await PublishingApiClient.ForNewBodyAsync(database);
        using (var foreign = await ConsoleStaff.PostFormAsync(console, "/console/api-keys?handler=Revoke", ("keyId", other.KeyId), ("confirm", "yes")))
        {
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound, "another body's key is not found");
        }

        (await other.Http.PostAsJsonAsync(new Uri("/api/publishing/certificates", UriKind.Relative), PublishingApiClient.IssueFields())).IsSuccessStatusCode.ShouldBeTrue("the other body's key still works");
        (await ConsoleStaff.AuditAsync(database, body.Id)).Where(e => e.Operation.StartsWith("api-key", StringComparison.Ordinal)).ShouldBe([
            ("api-key.create", AuditOutcome.Applied, "测试员 " + body.Code), ("api-key.revoke", AuditOutcome.Applied, "测试员 " + body.Code),
            ("api-key.revoke", AuditOutcome.Refused, "测试员 " + body.Code)]);

        var publisher = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var notAdmin = await ConsoleStaff.SignedInAsync(database, publisher);
        (await notAdmin.GetStringAsync(new Uri("/console/api-keys", UriKind.Relative))).ShouldContain($"data-key-id=\"{keyId}\" data-state=\"revoked\"");
        var publisherToken = ConsoleStaff.AntiforgeryToken(await notAdmin.GetStringAsync(new Uri("/console", UriKind.Relative)));
        using var forbidden = await notAdmin.PostAsync(new Uri("/console/api-keys?handler=Create", UriKind.Relative),
            new FormUrlEncodedContent([new("label", "x"), new("__RequestVerificationToken", publisherToken)]));
        forbidden.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_administrator_invites_and_disables_members_of_their_own_body_only()
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        var admin = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: body);
        var colleague = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, body: body);
        var stranger = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer);
        using var console = await ConsoleStaff.SignedInAsync(database, admin);
        var email = $"new{TestRegistry.UniqueSuffix()}@{body.Code.ToLowerInvariant()}.example.cn";

        using (var invited = await ConsoleStaff.PostFormAsync(console, "/console/staff?handler=Invite", ("email", email), ("displayName", "新同事"), ("role", StaffRoles.Publisher)))
        {
            invited.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await invited.Content.ReadAsStringAsync()).ShouldContain("/console/activate?member=");
        }

        using (var duplicate = await ConsoleStaff.PostFormAsync(console, "/console/staff?handler=Invite", ("email", email), ("displayName", "again"), ("role", StaffRoles.Viewer)))
        {
            duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var badRole = await ConsoleStaff.PostFormAsync(console, "/console/staff?handler=Invite", ("email", "x" + email), ("displayName", "x"), ("role", "operator")))
        {
            (await badRole.Content.ReadAsStringAsync()).ShouldContain("data-code=\"UNKNOWN_ROLE\"");
        }

        var list = WebUtility.HtmlDecode(await console.GetStringAsync(new Uri("/console/staff", UriKind.Relative)));
        list.ShouldContain(email);
        list.ShouldContain(colleague.Email);
        list.ShouldNotContain(stranger.Email);

        await using var db = database.CreateContext();
        var colleagueId = (await db.Users.SingleAsync(u => u.Email == colleague.Email)).Id;
        var strangerId = (await db.Users.SingleAsync(u => u.Email == stranger.Email)).Id;
        var adminId = (await db.Users.SingleAsync(u => u.Email == admin.Email)).Id;
        using (var foreign = await ConsoleStaff.PostFormAsync(console, "/console/staff?handler=Disable", ("memberId", strangerId.ToString(CultureInfo.InvariantCulture)), ("confirm", "yes")))
        {
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var self = await ConsoleStaff.PostFormAsync(console, "/console/staff?handler=Disable", ("memberId", adminId.ToString(CultureInfo.InvariantCulture)), ("confirm", "yes")))
        {
            (await self.Content.ReadAsStringAsync()).ShouldContain("data-code=\"CANNOT_DISABLE_SELF\"");
        }

        using var colleagueSession = await ConsoleStaff.SignedInAsync(database, colleague);
        using (var disabled = await ConsoleStaff.PostFormAsync(console, "/console/staff?handler=Disable", ("memberId", colleagueId.ToString(CultureInfo.InvariantCulture)), ("confirm", "yes")))
        {
            disabled.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        (await colleagueSession.GetAsync(new Uri("/console/certificates", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the disabled member's session ends at once");
        (await db.Users.SingleAsync(u => u.Id == strangerId)).DisabledAt.ShouldBeNull();
        (await ConsoleStaff.AuditAsync(database, body.Id)).Select(e => (e.Operation, e.Outcome)).ShouldBe([
            ("staff.invite", AuditOutcome.Applied), ("staff.invite", AuditOutcome.Refused), ("staff.invite", AuditOutcome.Refused),
            ("staff.disable", AuditOutcome.Refused), ("staff.disable", AuditOutcome.Refused), ("staff.disable", AuditOutcome.Applied)]);

        using var viewerConsole = await ConsoleStaff.SignedInAsync(database, await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, body: body));
        (await viewerConsole.GetAsync(new Uri("/console/staff", UriKind.Relative))).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [GeneratedRegex("data-testid=\"api-key-token\">(?<token>[^<]+)<")]
    private static partial Regex TokenShown();

    [GeneratedRegex("data-testid=\"api-key-created\" data-key-id=\"(?<id>[a-z2-7]+)\"")]
    private static partial Regex KeyIdShown();
}
