using System.Diagnostics;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// Every applied change flushes a small segment, and every search pays per segment, so the index merges small
/// segments as soon as two stand. With Lucene's tiered policy alone, this index was left with 13 segments.
/// </summary>
public sealed class SegmentMergeTests : IDisposable
{
    private const int Documents = 20_000;
    private const int SingleChanges = 30;
    private const int MostSegments = 1 + SmallSegmentMergePolicy.SmallSegmentsAllowed;

    private readonly string _folder = TemporaryFolder.New("segments");

    [Fact]
    public async Task Segments_flushed_by_single_changes_are_merged_into_a_few()
    {
        using var index = new SearchIndex(_folder);
        index.Add(Enumerable.Range(1, Documents).Select(i => Record(i, CertificateStanding.Valid)));
        index.Commit(1);
        for (var i = 0; i < SingleChanges; i++)
        {
            index.Upsert([Record(i + 1, CertificateStanding.Suspended)]);
            index.Commit(2 + i);
            index.Refresh();
        }

        var segments = await SettledSegmentsAsync(index);

        segments.ShouldBeLessThanOrEqualTo(MostSegments);
        var searcher = index.Acquire();
        try
        {
            searcher.IndexReader.NumDocs.ShouldBe(Documents);
            FollowedReplica.Find(searcher, SingleChanges)!.Standing.ShouldBe(CertificateStanding.Suspended);
            FollowedReplica.Find(searcher, SingleChanges + 1)!.Standing.ShouldBe(CertificateStanding.Valid);
        }
        finally
        {
            index.Release(searcher);
        }
    }

    public void Dispose() => TemporaryFolder.Delete(_folder);

    /// <summary>Merges run in the background and show once a searcher is refreshed: the count once it stops changing.</summary>
    private static async Task<int> SettledSegmentsAsync(SearchIndex index)
    {
        var watch = Stopwatch.StartNew();
        var last = Segments(index);
        var steadySince = Stopwatch.StartNew();
        while (steadySince.Elapsed < TimeSpan.FromSeconds(1) && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            index.Refresh();
            var now = Segments(index);
            if (now != last)
            {
                (last, steadySince) = (now, Stopwatch.StartNew());
            }
        }

        return last;
    }

    private static int Segments(SearchIndex index)
    {
        var searcher = index.Acquire();
        try
        {
            return searcher.IndexReader.Leaves.Count;
        }
        finally
        {
            index.Release(searcher);
        }
    }

    private static SearchRecord Record(int i, CertificateStanding standing)
    {
        var text = i.ToString("D6", CultureInfo.InvariantCulture);
        return new SearchRecord(
            i, $"DEMO-SEG-{text}", $"DEMOSEG{text}", $"91110000DEMO{text}", $"演示合并{text}电器有限公司", [], $"Demo Merge {text} Appliances",
            "DEMO01", "演示认证机构", "Demo Certification Body", "11", "北京市演示路1号", "家用电器的售后服务", "After-sales service of household appliances",
            "five-star", standing, new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1));
    }
}
