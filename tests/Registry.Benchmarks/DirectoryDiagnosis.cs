using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Registry.Web.Features.Search.Index;

namespace Registry.Benchmarks;

public sealed record DirectoryTiming(string Variant, BenchKind Kind, double P50, double P99, double GcHitShare, double GcPauseP50, double GcPauseMax, double P99WithoutGc, int Gen0, double? CpuPressure);

/// <summary>
/// The same pure searches on the same index files, opened through different Lucene Directory implementations,
/// to see whether the garbage-collection pauses come from the directory: Lucene.Net's MMapDirectory registers
/// every clone of an input (each term and postings enumerator of each query) in a ConditionalWeakTable, i.e.
/// a dependent GC handle, and the garbage collector scans those on every collection.
/// </summary>
public static class DirectoryDiagnosis
{
    public const string AsSite = "as the site: IndexWriter's near-real-time reader over FSDirectory.Open (MMapDirectory)";
    public const string NioFs = "DirectoryReader over NIOFSDirectory";
    public const string NioFsCachedBitSet = "NIOFSDirectory, and status + province as one cached bit set applied by FilteredQuery";

    public static IReadOnlyList<DirectoryTiming> Run(LuceneSearch lucene, SearchReplica replica, string folder, QuerySets sets, int runs)
    {
        ArgumentNullException.ThrowIfNull(lucene);
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(sets);
        var results = new List<DirectoryTiming>();
        var allKinds = Enum.GetValues<BenchKind>();
        var variants = new (string Name, Func<(IndexSearcher Searcher, IDisposable? Owner)> Open, BenchKind[] Kinds, FilterMode Filters)[]
        {
            (AsSite, () =>
            {
                var lease = replica.Lease()!;
                return (lease.Searcher, lease);
            }, allKinds, FilterMode.AsBuilt),
            (NioFs, () => Open(new NIOFSDirectory(folder)), allKinds, FilterMode.AsBuilt),
            (NioFsCachedBitSet, () => Open(new NIOFSDirectory(folder)), [BenchKind.Filtered], FilterMode.CachedBitSet),
            ("DirectoryReader over a fresh MMapDirectory", () => Open(new MMapDirectory(folder)), [BenchKind.Name, BenchKind.Partial2, BenchKind.Number], FilterMode.AsBuilt),
        };

        foreach (var (name, open, kinds, filters) in variants)
        {
            var (searcher, owner) = open();
            try
            {
                foreach (var kind in kinds)
                {
                    var queries = sets[kind];
                    for (var i = 0; i < 300; i++)
                    {
                        lucene.Search(searcher, queries[(i * 7919) % queries.Count].Request, out _, filters);
                    }

                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var gen0 = GC.CollectionCount(0);
                    var context = SeriesContext.Start();
                    var times = new double[runs];
                    var pauses = new double[runs];
                    for (var i = 0; i < runs; i++)
                    {
                        var paused = GC.GetTotalPauseDuration();
                        var start = Stopwatch.GetTimestamp();
                        lucene.Search(searcher, queries[i % queries.Count].Request, out _, filters);
                        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        pauses[i] = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
                    }

                    var hit = pauses.Where(p => p > 0).ToArray();
                    var timing = new DirectoryTiming(
                        name,
                        kind,
                        LatencySeries.Percentile(times, 0.5),
                        LatencySeries.Percentile(times, 0.99),
                        hit.Length / (double)runs,
                        hit.Length > 0 ? LatencySeries.Percentile(hit, 0.5) : 0,
                        hit.Length > 0 ? hit.Max() : 0,
                        LatencySeries.Percentile(times.Where((_, i) => pauses[i] == 0).ToArray(), 0.99),
                        GC.CollectionCount(0) - gen0,
                        context().CpuStallShare);
                    Console.WriteLine($"  {kind,-9} p50 {timing.P50,6:0.00}  p99 {timing.P99,6:0.00} ms  GC in {timing.GcHitShare,6:P1} of queries, pause p50 {timing.GcPauseP50,5:0.00} max {timing.GcPauseMax,6:0.00} ms; p99 without GC {timing.P99WithoutGc,6:0.00}  CPU pressure {timing.CpuPressure:P0}  {name}");
                    results.Add(timing);
                }
            }
            finally
            {
                owner?.Dispose();
            }
        }

        return results;
    }

    private static (IndexSearcher, IDisposable) Open(Lucene.Net.Store.Directory directory)
    {
        var reader = DirectoryReader.Open(directory);
        return (new IndexSearcher(reader), new Owner(reader, directory));
    }

    private sealed class Owner(IndexReader reader, Lucene.Net.Store.Directory directory) : IDisposable
    {
        public void Dispose()
        {
            reader.Dispose();
            directory.Dispose();
        }
    }
}
