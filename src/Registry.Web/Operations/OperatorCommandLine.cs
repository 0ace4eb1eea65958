using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Registry.Web.Data;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.DemoData;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Search;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Operations;

/// <summary>
/// Commands an operator runs against the database without starting the site: `migrate`, `seed`, `keys`, `api-keys`, ….
/// Anything else (including `serve` or no command) starts the site.
/// </summary>
public static class OperatorCommandLine
{
    private static readonly string[] Commands = ["migrate", "seed", "rebuild-index", "verify-index", "keys", "qr", "api-keys"];

    public static bool IsOperatorCommand(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "help");

    /// <summary>`serve` is optional and only ASP.NET's own options (e.g. --urls) follow it.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Star Registry operator commands. Without a command (or with `serve`), the site starts.");
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(SeedCommand());
        root.Subcommands.Add(SearchIndexCommands.Rebuild(BuildHost));
        root.Subcommands.Add(SearchIndexCommands.Verify(BuildHost));
        root.Subcommands.Add(SigningKeyCommands.Keys(BuildHost));
        root.Subcommands.Add(QrCommands.Create(BuildHost));
        root.Subcommands.Add(ApiKeyCommands.Create(BuildHost));
        var arguments = args is ["help"] ? ["--help"] : args;
        return await root.Parse(arguments).InvokeAsync();
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Apply every pending EF Core migration to the database.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            Console.WriteLine(pending.Count == 0
                ? "The database schema is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }

    private static Command SeedCommand()
    {
        var count = new Option<int>("--count") { Description = "How many demo certificates to generate.", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed always gives the same data.", DefaultValueFactory = _ => 27922 };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Do nothing (and succeed) when the registry already holds certificates." };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000_000)
            {
                result.AddError("--count must be between 1 and 10,000,000.");
            }
        });

        var command = new Command("seed", "Generate fictional demo data, marked as demo, and load it with binary COPY.")
        {
            count, seed, ifEmpty,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost();
            return await DemoDataCommand.RunAsync(
                host.Services,
                new DemoLoadOptions(parse.GetValue(count), parse.GetValue(seed), parse.GetValue(ifEmpty)),
                cancellationToken);
        });
        return command;
    }

    private static IHost BuildHost() => BuildHost([]);

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
        return builder.Build();
    }
}
