using System.CommandLine;
using Microsoft.Extensions.Options;
using Registry.Web.Features.Search;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Indexing;

/// <summary>`rebuild-index` and `verify-index`: operate on one instance's replica, named by Search:IndexPath or --index-path.</summary>
internal static class SearchIndexCommands
{
    public static Command Rebuild(Func<IEnumerable<KeyValuePair<string, string?>>, IHost> buildHost)
    {
        var path = IndexPathOption();
        var command = new Command("rebuild-index", "Build a fresh search index from PostgreSQL and swap it in atomically; a running site follows the swap.") { path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = buildHost(Settings(parse.GetValue(path)));
            var generations = host.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Generations();
            Console.WriteLine($"Rebuilding the search index in {generations.Root} ...");
            var result = await host.Services.GetRequiredService<IndexRebuilder>()
                .RebuildAsync(generations, done => Console.WriteLine($"indexed {done:N0} certificates"), cancellationToken);
            generations.RemoveOld(keep: 2);
            Console.WriteLine($"Indexed {result.Documents:N0} certificates up to outbox sequence {result.OutboxSequence} in {result.Elapsed.TotalSeconds:0.0} s; now current: {Path.GetFileName(result.Folder)}");
            return 0;
        });
        return command;
    }

    public static Command Verify(Func<IEnumerable<KeyValuePair<string, string?>>, IHost> buildHost)
    {
        var path = IndexPathOption();
        var sample = new Option<int>("--sample") { Description = "How many random certificates to compare field by field.", DefaultValueFactory = _ => 500 };
        var command = new Command("verify-index", "Compare the search index with PostgreSQL; exit code 1 when they drift apart.") { path, sample };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = buildHost(Settings(parse.GetValue(path)));
            var generations = host.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Generations();
            if (generations.Current() is null)
            {
                Console.Error.WriteLine($"No search index has been built in {generations.Root}. Run rebuild-index (or start the site) first.");
                return 2;
            }

            var report = await host.Services.GetRequiredService<IndexVerifier>()
                .VerifyAsync(generations, Math.Clamp(parse.GetValue(sample), 0, 100_000), cancellationToken);
            Console.WriteLine($"Index {Path.GetFileName(report.Folder)} at outbox sequence {report.IndexSequence}; database at {report.OutboxSequence}.");
            foreach (var count in report.Counts)
            {
                Console.WriteLine($"  {count.Status,-10} database {count.Database,10:N0}   index {count.Index,10:N0}");
            }

            Console.WriteLine($"Compared {report.Sampled} random certificates field by field.");
            foreach (var difference in report.Differences)
            {
                Console.WriteLine($"DRIFT: {difference}");
            }

            Console.WriteLine(report.HasDrift ? $"{report.Differences.Count} difference(s) found." : "No drift: the index matches the database.");
            return report.HasDrift ? 1 : 0;
        });
        return command;
    }

    private static Option<string?> IndexPathOption() => new("--index-path") { Description = "The replica folder (default: the Search:IndexPath setting)." };

    private static KeyValuePair<string, string?>[] Settings(string? indexPath) =>
        indexPath is null ? [] : [new($"{SearchIndexOptions.Section}:{nameof(SearchIndexOptions.IndexPath)}", indexPath)];
}
