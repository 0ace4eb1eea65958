using System.Diagnostics;
using Npgsql;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;

namespace Registry.Benchmarks;

public sealed record MemoryReport(long ManagedHeapBytes, long GcHeapSizeBytes, long WorkingSetBytes, long PrivateBytes)
{
    /// <summary>After a full, compacting collection, so the managed figure is what stays alive.</summary>
    public static MemoryReport Now()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemoryReport(managed, info.HeapSizeBytes, process.WorkingSet64, process.PrivateMemorySize64);
    }
}

public sealed record IndexReport(
    string Folder,
    bool Built,
    TimeSpan? BuildTime,
    long Documents,
    int Segments,
    long SizeBytes,
    TimeSpan OpenTime,
    MemoryReport MemoryBeforeOpen,
    MemoryReport MemoryAfterOpen);

/// <summary>The benchmark's own replica: built with the site's <see cref="IndexRebuilder"/>, opened as the site opens it.</summary>
public static class LuceneSetup
{
    public static async Task<(SearchReplica Replica, IndexReport Report)> OpenAsync(NpgsqlDataSource dataSource, string indexPath, bool reuse, CancellationToken cancellationToken)
    {
        var generations = new IndexGenerations(indexPath);
        var folder = reuse ? generations.Current() : null;
        TimeSpan? buildTime = null;
        if (folder is null)
        {
            Console.WriteLine($"Building the Lucene index in {generations.Root} (IndexRebuilder, as `rebuild-index` does) ...");
            var result = await new IndexRebuilder(dataSource).RebuildAsync(
                generations,
                done => Console.WriteLine($"  indexed {done:N0} certificates"),
                cancellationToken);
            generations.RemoveOld(keep: 0);
            folder = result.Folder;
            buildTime = result.Elapsed;
            Console.WriteLine($"  built {result.Documents:N0} documents in {result.Elapsed.TotalSeconds:0.0} s");
        }
        else
        {
            Console.WriteLine($"Reusing the Lucene index {folder}");
        }

        var before = MemoryReport.Now();
        var stopwatch = Stopwatch.StartNew();
        var index = new SearchIndex(folder);
        var replica = new SearchReplica();
        replica.Swap(index);
        int segments;
        long documents;
        using (var lease = replica.Lease()!)
        {
            var reader = lease.Searcher.IndexReader;
            segments = reader.Leaves.Count;
            documents = reader.NumDocs;
        }

        var openTime = stopwatch.Elapsed;
        var after = MemoryReport.Now();
        var size = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        return (replica, new IndexReport(folder, buildTime is not null, buildTime, documents, segments, size, openTime, before, after));
    }
}
