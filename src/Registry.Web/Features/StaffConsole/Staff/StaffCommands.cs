using System.CommandLine;
using static Registry.Web.Operations.OperatorConventions;

namespace Registry.Web.Features.StaffConsole.Staff;

/// <summary>
/// `staff create|list|disable|invite`: the console's staff accounts. A new member gets a one-time activation link
/// to choose their password; no password is ever printed. Exit codes: 0 done, 1 refused (the message says why;
/// nothing was changed), 2 unknown body or member.
/// </summary>
internal static class StaffCommands
{
    public static Command Create(Func<IHost> buildHost)
    {
        var staff = new Command("staff", "Certification bodies' staff for the console: create (prints an activation link), list, disable, invite again.");
        staff.Subcommands.Add(CreateCommand(buildHost));
        staff.Subcommands.Add(ListCommand(buildHost));
        staff.Subcommands.Add(DisableCommand(buildHost));
        staff.Subcommands.Add(InviteCommand(buildHost));
        return staff;
    }

    private static Option<string> EmailOption() => new("--email") { Description = "The member's e-mail address, which is also their sign-in name.", Required = true };

    private static Command CreateCommand(Func<IHost> buildHost)
    {
        var body = BodyOption();
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = "The member's name, as the audit log will show it.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", StaffRoles.All)}.", Required = true };
        var command = new Command("create", "Create a staff member of a body and print their one-time activation link.") { body, email, name, role };
        command.SetAction((parse, ct) => RunAsync(buildHost, async directory =>
        {
            var invitation = await directory.CreateAsync(parse.GetRequiredValue(body), parse.GetRequiredValue(email), parse.GetRequiredValue(name),
                parse.GetRequiredValue(role), ct);
            Console.WriteLine($"Created {invitation.Role} {invitation.Member.Email} ({invitation.Member.DisplayName}) of body {parse.GetRequiredValue(body)}.");
            Console.WriteLine($"Send them this link; it works once, for {StaffAccountsExtensions.ActivationLifetime.TotalDays:0} days, to choose a password" +
                (StaffRoles.NeedsTwoFactor(invitation.Role) ? " and set up their authenticator app:" : ":"));
            Console.WriteLine();
            Console.WriteLine(invitation.ActivationLink);
            return Succeeded;
        }));
        return command;
    }

    private static Command ListCommand(Func<IHost> buildHost)
    {
        var body = BodyOption(required: false);
        var command = new Command("list", "List staff members (never passwords or keys).") { body };
        command.SetAction((parse, ct) => RunAsync(buildHost, async directory =>
        {
            var members = await directory.ListAsync(parse.GetValue(body), ct);
            Console.WriteLine($"{"body",-12} {"role",-13} {"2FA",-4} {"state",-9} e-mail (name)");
            foreach (var m in members)
            {
                var state = m.Disabled ? "disabled" : m.LockedOutUntil is not null ? "locked" : "active";
                Console.WriteLine($"{m.BodyCode,-12} {m.Role,-13} {(m.TwoFactor ? "on" : "off"),-4} {state,-9} {m.Email} ({m.DisplayName})");
            }

            Console.WriteLine($"{members.Count} member(s).");
            return Succeeded;
        }));
        return command;
    }

    private static Command DisableCommand(Func<IHost> buildHost)
    {
        var email = EmailOption();
        var command = new Command("disable", "Disable a member: their sessions end and they cannot sign in again.") { email };
        command.SetAction((parse, ct) => RunAsync(buildHost, async directory =>
        {
            var member = await directory.DisableAsync(parse.GetRequiredValue(email), withinBody: null, ct);
            Console.WriteLine($"Disabled {member.Email}; their sessions end at their next request.");
            return Succeeded;
        }));
        return command;
    }

    private static Command InviteCommand(Func<IHost> buildHost)
    {
        var email = EmailOption();
        var command = new Command("invite", "Print a new one-time activation link for a member (a lost link, a forgotten password).") { email };
        command.SetAction((parse, ct) => RunAsync(buildHost, async (directory, users) =>
        {
            var member = await users.FindByEmailAsync(parse.GetRequiredValue(email))
                ?? throw new StaffException("UNKNOWN_MEMBER", $"No staff member has the e-mail address '{parse.GetRequiredValue(email)}'.");
            Console.WriteLine(await directory.ActivationLinkAsync(member));
            return Succeeded;
        }));
        return command;
    }

    private static Task<int> RunAsync(Func<IHost> buildHost, Func<StaffDirectory, Task<int>> action) =>
        RunAsync(buildHost, (directory, _) => action(directory));

    private static async Task<int> RunAsync(Func<IHost> buildHost, Func<StaffDirectory, Microsoft.AspNetCore.Identity.UserManager<StaffMember>, Task<int>> action)
    {
        try
        {
            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<StaffDirectory>(),
                scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffMember>>());
        }
        catch (StaffException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.Code is "UNKNOWN_BODY" or "UNKNOWN_MEMBER" ? NotFound : Failed;
        }
    }
}
