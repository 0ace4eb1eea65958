using Microsoft.AspNetCore.Mvc.Testing;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>`dotnet Registry.Web.dll staff ...` as an operator runs it: a real process, its output and exit code.</summary>
public sealed class StaffCommandsTests(RegistryDatabase database)
{
    [Fact]
    public async Task Create_prints_a_link_the_site_accepts_list_shows_the_member_and_disable_locks_them_out()
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        var email = $"ops{TestRegistry.UniqueSuffix()}@example.cn";

        var (code, output) = await StaffAsync("create", "--body", body.Code, "--email", email, "--name", "王芳", "--role", StaffRoles.Viewer);

        code.ShouldBe(0, output);
        output.ShouldContain($"Created viewer {email} (王芳) of body {body.Code}.");
        var link = new Uri(output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://", StringComparison.Ordinal)));
        link.AbsolutePath.ShouldBe("/console/activate");
        using var client = database.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var set = await ConsoleStaff.PostFormAsync(client, link.PathAndQuery, ("password", ConsoleStaff.GoodPassword), ("repeat", ConsoleStaff.GoodPassword)))
        {
            (await set.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"activated\"", customMessage: "the site reads a token the command made");
        }

        (code, output) = await StaffAsync("list", "--body", body.Code);
        code.ShouldBe(0, output);
        output.ShouldContain(email);
        output.ShouldContain("viewer");
        output.ShouldContain("1 member(s).");
        output.ShouldNotContain(ConsoleStaff.GoodPassword);

        (await StaffAsync("create", "--body", body.Code, "--email", email, "--name", "王芳", "--role", StaffRoles.Viewer)).ExitCode.ShouldBe(1, "the address is taken");
        (await StaffAsync("create", "--body", "NO-SUCH-BODY", "--email", "x" + email, "--name", "X", "--role", StaffRoles.Viewer)).ExitCode.ShouldBe(2);
        (await StaffAsync("create", "--body", body.Code, "--email", "y" + email, "--name", "Y", "--role", "owner")).ExitCode.ShouldBe(1);

        (code, output) = await StaffAsync("disable", "--email", email);
        code.ShouldBe(0, output);
        using var refused = await ConsoleStaff.PostFormAsync(client, "/console/sign-in", ("email", email), ("password", ConsoleStaff.GoodPassword));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StaffAsync("disable", "--email", "nobody" + email)).ExitCode.ShouldBe(2);
    }

    private Task<(int ExitCode, string Output)> StaffAsync(params string[] arguments) =>
        RegistryProcess.RunAsync(
            // The key-encryption key of the site too: the command may create the key ring's first key, which the site must open.
            new Dictionary<string, string> { ["ConnectionStrings__Registry"] = database.ConnectionString, ["Signing__KeyEncryptionKey"] = TestKek.Base64 },
            ["staff", .. arguments]);
}
