using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Registry.Domain.Certificates;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.TestSupport;

/// <summary>A staff member of a new body, created as the `staff create` command does, with a password set through their activation link.</summary>
public sealed record ConsoleMember(CertificationBody Body, string Email, string Password, string Role, Uri ActivationLink);

public static partial class ConsoleStaff
{
    public const string GoodPassword = "lantern orchard quietly 17";

    public static async Task<ConsoleMember> CreateAsync(RegistryDatabase database, string role, bool setPassword = true, CertificationBody? body = null)
    {
        body ??= await new TestRegistry(database).AddBodyAsync();
        var email = $"staff{TestRegistry.UniqueSuffix()}@{body.Code.ToLowerInvariant()}.example.cn";
        await using var scope = database.Site.Services.CreateAsyncScope();
        var invitation = await scope.ServiceProvider.GetRequiredService<StaffDirectory>()
            .CreateAsync(body.Code, email, "测试员 " + body.Code, role, CancellationToken.None);
        if (setPassword)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
            var token = Uri.UnescapeDataString(invitation.ActivationLink.Query.Split("token=")[1]);
            (await users.ResetPasswordAsync(invitation.Member, token, GoodPassword)).Succeeded.ShouldBeTrue();
        }

        return new ConsoleMember(body, email, GoodPassword, role, invitation.ActivationLink);
    }

    /// <summary>A client with a console session of the member: signed in, and for publishers and administrators with the authenticator set up.</summary>
    public static async Task<HttpClient> SignedInAsync(RegistryDatabase database, ConsoleMember member)
    {
        var client = database.Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await PostFormAsync(client, "/console/sign-in", ("email", member.Email), ("password", member.Password));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        if (StaffRoles.NeedsTwoFactor(member.Role))
        {
            var key = AuthenticatorKey(await client.GetStringAsync(new Uri("/console/two-factor", UriKind.Relative)));
            using var confirmed = await PostFormAsync(client, "/console/two-factor", ("code", TotpCode(key)));
            confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return client;
    }

    /// <summary>Signs the member in in a browser as a person would: password, then (first time) the authenticator set up with a computed code.</summary>
    public static async Task SignInAsync(Microsoft.Playwright.IPage page, RegistryDatabase database, ConsoleMember member)
    {
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console/sign-in").ToString());
        await page.FillAsync("#email", member.Email);
        await page.FillAsync("#password", member.Password);
        await page.ClickAsync("[data-testid=sign-in] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=two-factor]");
        await page.FillAsync("#code", TotpCode((await page.InnerTextAsync("[data-testid=authenticator-key]")).Trim()));
        await page.ClickAsync("[data-testid=two-factor] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=recovery-codes]");
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console").ToString());
        await page.WaitForSelectorAsync("[data-testid=console]");
    }

    /// <summary>The antiforgery token of the (first) form on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups["token"].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>GETs a page and POSTs its form with the antiforgery token and the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", AntiforgeryToken(page)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>POSTs a file as the upload form would (multipart, with the member's antiforgery token, taken from the console's home page).</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string fileName, byte[] content, string contentType)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(new Uri("/console", UriKind.Relative)));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    /// <summary>The body's audit entries, oldest first, as (operation, outcome, staff name).</summary>
    public static async Task<List<(string Operation, Registry.Web.Features.Audit.AuditOutcome Outcome, string? StaffName)>> AuditAsync(RegistryDatabase database, long bodyId)
    {
        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.BodyId == bodyId).OrderBy(e => e.Id).Select(e => new { e.Operation, e.Outcome, e.StaffName }).ToListAsync();
        return [.. entries.Select(e => (e.Operation, e.Outcome, e.StaffName))];
    }

    public static string TotpCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    public static string AuthenticatorKey(string html) =>
        KeyField().Match(html) is { Success: true } match ? match.Groups["key"].Value : throw new InvalidOperationException("The page shows no authenticator key.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"authenticator-key\">(?<key>[A-Z2-7]+)<")]
    private static partial Regex KeyField();
}
