using Lucene.Net.Index;

namespace Registry.Web.Features.Search.Index;

/// <summary>
/// Lucene's tiered merging, plus: as soon as two segments below the floor size stand, they are merged into one.
/// </summary>
/// <remarks>
/// Each applied batch of outbox changes flushes a segment of a few documents, and every search pays per segment
/// (term look-ups, scorers, facet arrays). The tiered policy merges only when ten segments at once are eligible and
/// lets a million-document index keep 23 before it merges at all: after 50 changes the replica had 20 segments, and
/// a whole-name search took twice as long. Small segments are cheap to merge, so they are merged early.
/// </remarks>
public sealed class SmallSegmentMergePolicy : TieredMergePolicy
{
    /// <summary>How many small segments may stand beside the large ones before they are merged.</summary>
    public const int SmallSegmentsAllowed = 1;

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos)
    {
        ArgumentNullException.ThrowIfNull(infos);
        var tiered = base.FindMerges(mergeTrigger, infos);
        if (tiered is not null)
        {
            return tiered;
        }

        var merging = m_writer.Get().MergingSegments;
        var floor = (long)(FloorSegmentMB * 1024 * 1024);
        var small = infos.Where(segment => !merging.Contains(segment) && Size(segment) < floor).ToList();
        if (small.Count <= SmallSegmentsAllowed)
        {
            return null;
        }

        var merges = new MergeSpecification();
        merges.Add(new OneMerge(small));
        return merges;
    }
}
