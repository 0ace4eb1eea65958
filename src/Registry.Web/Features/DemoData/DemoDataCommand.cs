using System.CommandLine;
using System.Diagnostics;
using Npgsql;

namespace Registry.Web.Features.DemoData;

/// <summary>Options of the <c>seed</c> operator command.</summary>
public sealed record DemoLoadOptions(int Count, int Seed, bool IfEmpty);

/// <summary>
/// The <c>seed</c> operator command: generates fictional demo data, marked as demo, and bulk-loads it into
/// an empty, migrated registry. Exit codes: 0 loaded (or nothing to do with <c>--if-empty</c>), 1 failed or
/// cancelled (the transaction was rolled back, nothing was loaded), 2 refused (not migrated, or the
/// registry already holds certificates: seeding merges nothing).
/// </summary>
public static class DemoDataCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int Refused = 2;

    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTransient<DemoDataLoader>();
        return builder;
    }

    public static Command Create(Func<IHost> buildHost)
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
            using var host = buildHost();
            return await RunAsync(
                host.Services,
                new DemoLoadOptions(parse.GetValue(count), parse.GetValue(seed), parse.GetValue(ifEmpty)),
                cancellationToken);
        });
        return command;
    }

    public static Task<int> RunAsync(IServiceProvider services, DemoLoadOptions options, CancellationToken ct) =>
        RunAsync(services, options, Console.Out, DemoProgress.ConsoleIsInteractive, ct);

    internal static async Task<int> RunAsync(
        IServiceProvider services, DemoLoadOptions options, TextWriter output, bool interactive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 1)
        {
            output.WriteLine("--count must be at least 1.");
            return Refused;
        }

        // The one reading of the clock: every generated date is relative to this instant.
        var asOf = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var loader = services.GetService<DemoDataLoader>() ?? new DemoDataLoader(services.GetRequiredService<NpgsqlDataSource>());
        var loading = false;
        try
        {
            if (await NotMigratedAsync(services, loader, output, ct))
            {
                return Refused;
            }

            var existing = await loader.CountCertificatesAsync(ct);
            if (existing > 0)
            {
                return NotEmpty(existing, options, output);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeding {options.Count:N0} fictional demo certificates (seed {options.Seed}, as of {RegistryCalendar.DateOf(asOf):yyyy-MM-dd}) in one transaction..."));
            var stopwatch = Stopwatch.StartNew();
            loading = true;
            var request = new DemoLoadRequest(options.Count, options.Seed, asOf);
            var result = await DemoProgress.For(output, interactive)
                .RunAsync(options.Count, progress => loader.LoadAsync(request, progress, ct));
            stopwatch.Stop();
            switch (result.Status)
            {
                case DemoLoadStatus.NotEmpty:
                    return NotEmpty(result.ExistingCertificates, options, output);
                case DemoLoadStatus.DemoBodiesPresent:
                    output.WriteLine("The demo certification bodies (DEMO01–DEMO12) are already registered; seeding merges nothing. " +
                        "Seed a fresh database.");
                    return options.IfEmpty ? Succeeded : Refused;
                default:
                    Summarise(result.Totals!, RegistryCalendar.DateOf(asOf), stopwatch.Elapsed, output);
                    return Succeeded;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.WriteLine("Cancelled: the transaction was rolled back and nothing was seeded.");
            return Failed;
        }
        catch (NpgsqlException ex)
        {
            output.WriteLine($"Seeding failed: {ex.Message}");
            output.WriteLine(loading
                ? "The transaction was rolled back and nothing was seeded."
                : "Nothing was seeded.");
            return Failed;
        }
    }

    private static async Task<bool> NotMigratedAsync(IServiceProvider services, DemoDataLoader loader, TextWriter output, CancellationToken ct)
    {
        try
        {
            // Tables first: asking EF about migrations on an empty database logs a failed query.
            var missing = await loader.MissingTablesAsync(ct);
            if (missing.Count > 0)
            {
                output.WriteLine($"The database has no {string.Join(", ", missing)} table(s): run migrate first.");
                return true;
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0)
            {
                return false;
            }

            output.WriteLine($"The database schema is behind ({pending.Count} pending migration(s): {string.Join(", ", pending)}): run migrate first.");
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            output.WriteLine($"The database does not exist ({ex.MessageText}): create it, then run migrate first.");
            return true;
        }
    }

    private static int NotEmpty(long existing, DemoLoadOptions options, TextWriter output)
    {
        if (options.IfEmpty)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The registry already holds {existing} certificates; nothing seeded."));
            return Succeeded;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The registry already holds {existing} certificates. Seeding merges nothing: it only loads into an empty registry."));
        output.WriteLine("Use a fresh database, or pass --if-empty to skip quietly.");
        return Refused;
    }

    private static void Summarise(DemoLoadTotals totals, DateOnly asOfDate, TimeSpan elapsed, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var perSecond = totals.Certificates / Math.Max(elapsed.TotalSeconds, 0.001);
        output.WriteLine(string.Create(c, $"Seeded {totals.Certificates:N0} demo certificates in {elapsed.TotalSeconds:0.0} s ({perSecond:N0} per second)."));
        output.WriteLine(string.Create(c, $"  certification bodies {totals.Bodies,12:N0}"));
        output.WriteLine(string.Create(c, $"  organisations        {totals.Organisations,12:N0}"));
        output.WriteLine(string.Create(c, $"  certificates         {totals.Certificates,12:N0}"));
        output.WriteLine(string.Create(c, $"  status events        {totals.StatusEvents,12:N0}"));
        output.WriteLine(string.Create(c, $"  status on {asOfDate:yyyy-MM-dd}:"));
        foreach (var status in new[] { CertificateStatus.Valid, CertificateStatus.Suspended, CertificateStatus.Withdrawn, CertificateStatus.Cancelled, CertificateStatus.Expired })
        {
            var count = totals.ByStatus.GetValueOrDefault(status);
            var note = status == CertificateStatus.Valid ? string.Create(c, $"  (of which {totals.Reinstated:N0} reinstated after a suspension)") : string.Empty;
            output.WriteLine(string.Create(c,
                $"    {status.ToString().ToLowerInvariant(),-10} {count,12:N0}  {100.0 * count / totals.Certificates,5:0.0} %{note}"));
        }

        output.WriteLine(string.Create(c, $"  data set #{totals.DataSetId}: kind 'demo', marked is_demo; every record is fictional."));
    }
}
