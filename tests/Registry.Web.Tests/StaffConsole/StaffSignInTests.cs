using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>Staff accounts and signing in to the console, over HTTP on the in-process site (cookies kept per client).</summary>
public sealed class StaffSignInTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_new_member_chooses_a_password_through_the_one_time_link_under_the_nist_rules()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, setPassword: false);
        using var client = Client();
        var link = member.ActivationLink.PathAndQuery;

        foreach (var (password, code) in new[]
                 {
                     ("short pass 1", "too short"), ("123456789012345", "common"), ("aaaaaaaaaaaaaaaaaaaa", "repetitive"),
                     (member.Email.Split('@')[0] + " and more", "personal"),
                 })
        {
            using var refused = await ConsoleStaff.PostFormAsync(client, link, ("password", password), ("repeat", password));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"password-problems\"", customMessage: code);
        }

        using (var differ = await ConsoleStaff.PostFormAsync(client, link, ("password", ConsoleStaff.GoodPassword), ("repeat", ConsoleStaff.GoodPassword + "x")))
        {
            differ.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        const string chosen = "长城 紫禁城 颐和园 天坛 1990";
        using (var set = await ConsoleStaff.PostFormAsync(client, link, ("password", chosen), ("repeat", chosen)))
        {
            set.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await set.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"activated\"", customMessage: "Chinese and spaces are fine");
        }

        using var again = await ConsoleStaff.PostFormAsync(client, link, ("password", ConsoleStaff.GoodPassword), ("repeat", ConsoleStaff.GoodPassword));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"link-invalid\"", customMessage: "the link works once");

        using var signedIn = await SignInAsync(client, member.Email, chosen);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/console");
    }

    [Fact]
    public async Task Failures_read_alike_for_unknown_and_known_addresses_and_five_lock_the_account()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer);
        using var client = Client();

        var unknown = await FailureTextAsync(await SignInAsync(client, "nobody" + member.Email, "whatever password 123"));
        for (var i = 0; i < 5; i++)
        {
            (await FailureTextAsync(await SignInAsync(client, member.Email, "wrong password number " + i))).ShouldBe(unknown);
        }

        using var locked = await SignInAsync(client, member.Email, member.Password);
        (await FailureTextAsync(locked)).ShouldBe(unknown, "locked now, and saying so the same way");
        await using var scope = database.Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffMember>>();
        (await users.IsLockedOutAsync((await users.FindByEmailAsync(member.Email))!)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_strict_and_kept_to_the_console()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer);
        using var client = Client();

        using var response = await SignInAsync(client, member.Email, member.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("star-console=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        cookie.ShouldContain("path=/console");
        var console = await client.GetAsync(new Uri("/console", UriKind.Relative));
        console.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await console.Content.ReadAsStringAsync()).ShouldContain($"data-body=\"{member.Body.Code}\"");
        console.Headers.CacheControl!.NoStore.ShouldBeTrue("the console is never stored by a browser or proxy");
    }

    [Fact]
    public async Task A_forged_post_without_the_antiforgery_token_is_refused()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer);
        using var client = Client();

        using var forged = await client.PostAsync(new Uri("/console/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("email", member.Email), new("password", member.Password)]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forged.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_session_the_console_sends_to_the_sign_in_page()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/console", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/console/sign-in");
    }

    [Fact]
    public async Task A_publisher_sets_up_the_authenticator_before_the_console_opens_and_signs_in_with_a_code_after()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher);
        using var client = Client();
        (await SignInAsync(client, member.Email, member.Password)).Headers.Location!.OriginalString.ShouldBe("/console");

        using (var blocked = await client.GetAsync(new Uri("/console", UriKind.Relative)))
        {
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            blocked.Headers.Location!.OriginalString.ShouldBe("/console/two-factor");
        }

        var setup = await client.GetStringAsync(new Uri("/console/two-factor", UriKind.Relative));
        var key = ConsoleStaff.AuthenticatorKey(setup);
        using (var wrong = await ConsoleStaff.PostFormAsync(client, "/console/two-factor", ("code", "000000")))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var confirmed = await ConsoleStaff.PostFormAsync(client, "/console/two-factor", ("code", ConsoleStaff.TotpCode(key))))
        {
            confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await confirmed.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"recovery-codes\"");
        }

        using (var opened = await client.GetAsync(new Uri("/console", UriKind.Relative)))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.OK, opened.Headers.Location?.OriginalString);
        }

        using var fresh = Client();
        using var second = await SignInAsync(fresh, member.Email, member.Password);
        second.Headers.Location!.OriginalString.ShouldBe("/console/sign-in/code");
        second.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("star-console-2fa=", StringComparison.Ordinal), string.Join(" | ", second.Headers.GetValues("Set-Cookie")));
        (await fresh.GetAsync(new Uri("/console", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a password alone opens nothing");
        using var coded = await ConsoleStaff.PostFormAsync(fresh, "/console/sign-in/code", ("code", ConsoleStaff.TotpCode(key)));
        coded.Headers.Location!.OriginalString.ShouldBe("/console");
        (await fresh.GetAsync(new Uri("/console", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_member_is_signed_out_at_the_next_request_and_cannot_sign_in()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer);
        using var client = Client();
        await SignInAsync(client, member.Email, member.Password);
        (await client.GetAsync(new Uri("/console", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = database.Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffDirectory>().DisableAsync(member.Email, withinBody: null, CancellationToken.None);
        }

        (await client.GetAsync(new Uri("/console", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await SignInAsync(Client(), member.Email, member.Password);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private HttpClient Client() => database.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        ConsoleStaff.PostFormAsync(client, "/console/sign-in", ("email", email), ("password", password));

    private static async Task<string> FailureTextAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await response.Content.ReadAsStringAsync();
            var start = page.IndexOf("data-testid=\"sign-in-failed\"", StringComparison.Ordinal);
            start.ShouldBeGreaterThan(0);
            return page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
        }
    }
}
