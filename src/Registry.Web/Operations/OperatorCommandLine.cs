using System.CommandLine;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.DemoData;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Search;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.StaffConsole.Staff;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Operations;

/// <summary>
/// The index of the commands an operator runs against the database without starting the site (`migrate`,
/// `seed`, `keys`, `api-keys`, …); each command lives with its feature. Anything else (including `serve` or no
/// command) starts the site.
/// </summary>
public static class OperatorCommandLine
{
    public static bool IsOperatorCommand(string[] args) =>
        args.Length > 0 && (Root().Subcommands.Any(command => command.Name == args[0]) || args[0] is "--help" or "-h" or "help");

    /// <summary>`serve` is optional and only ASP.NET's own options (e.g. --urls) follow it.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = args is ["help"] ? ["--help"] : args;
        return await Root().Parse(arguments).InvokeAsync();
    }

    private static RootCommand Root() =>
        new("Star Registry operator commands. Without a command (or with `serve`), the site starts.")
        {
            MigrateCommand.Create(BuildHost),
            DemoDataCommand.Create(BuildHost),
            SearchIndexCommands.Rebuild(BuildHost),
            SearchIndexCommands.Verify(BuildHost),
            SigningKeyCommands.Keys(BuildHost),
            QrCommands.Create(BuildHost),
            ApiKeyCommands.Create(BuildHost),
            StaffCommands.Create(BuildHost),
        };

    private static IHost BuildHost() => BuildHost([]);

    /// <summary>The services the commands use, without the web site: each feature adds its own.</summary>
    private static IHost BuildHost(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF logs its own probe for a missing migrations table as a failed command; failures that matter surface as exceptions.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddRegistryData();
        builder.AddDemoData();
        builder.AddSearchIndexing();
        builder.AddSigningKeyStore();
        builder.AddQrCodes();
        builder.AddApiKeyStore();
        builder.AddStaffAccounts();
        return builder.Build();
    }
}
