using Registry.Domain.Identifiers;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Splits a bulk request's rows into lanes that can run side by side. Rows naming the same certificate, or the same
/// holder by credit code, share a lane and keep their order in it, so a suspension and a later reinstatement of one
/// certificate apply in the order sent, and two new certificates of one new holder never race to register it.
/// </summary>
public static class BulkLanes
{
    /// <summary>The lane of every row (an index below <paramref name="lanes"/>), in row order.</summary>
    public static int[] Assign(IReadOnlyList<PublishingRow> rows, int lanes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        var groups = new Groups(rows.Count);
        var firstRowByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var key in KeysOf(rows[i]))
            {
                if (firstRowByKey.TryGetValue(key, out var first))
                {
                    groups.Join(first, i);
                }
                else
                {
                    firstRowByKey[key] = i;
                }
            }
        }

        // Each group goes, as it first appears, to the lane with the fewest rows so far.
        var laneOfGroup = new Dictionary<int, int>();
        var load = new int[lanes];
        var assigned = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var group = groups.Find(i);
            if (!laneOfGroup.TryGetValue(group, out var lane))
            {
                lane = Array.IndexOf(load, load.Min());
                laneOfGroup[group] = lane;
            }

            assigned[i] = lane;
            load[lane]++;
        }

        return assigned;
    }

    private static IEnumerable<string> KeysOf(PublishingRow row)
    {
        if (row.Get(RowFields.Number) is { Length: > 0 } number)
        {
            yield return "n:" + (CertificateNumber.TryNormalize(number, out var normalized, out _) ? normalized : number.Trim());
        }

        if (row.Get(RowFields.OrganisationCreditCode) is { Length: > 0 } code)
        {
            yield return "c:" + code.Trim().ToUpperInvariant();
        }
    }

    /// <summary>Union–find over row indexes.</summary>
    private sealed class Groups(int count)
    {
        private readonly int[] _parent = [.. Enumerable.Range(0, count)];

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Join(int a, int b) => _parent[Find(b)] = Find(a);
    }
}
