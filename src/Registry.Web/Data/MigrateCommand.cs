using System.CommandLine;

namespace Registry.Web.Data;

/// <summary>`migrate`: apply every pending EF Core migration.</summary>
internal static class MigrateCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("migrate", "Apply every pending EF Core migration to the database.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = buildHost();
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
}
