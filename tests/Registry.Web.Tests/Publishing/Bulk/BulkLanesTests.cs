using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Tests.Publishing.Bulk;

public sealed class BulkLanesTests
{
    [Fact]
    public void Rows_about_one_certificate_share_a_lane_however_its_number_is_typed()
    {
        var rows = Rows(("issue", "ABC-2025-000001", "91330106T0000001X1"), ("suspend", "abc 2025 000001", null), ("issue", "ABC-2025-000002", "91330106T0000002X1"),
            ("reinstate", "ＡＢＣ-2025-000001", null));

        var lanes = BulkLanes.Assign(rows, 4);

        lanes[1].ShouldBe(lanes[0]);
        lanes[3].ShouldBe(lanes[0]);
        lanes[2].ShouldNotBe(lanes[0]);
    }

    [Fact]
    public void Two_certificates_of_one_holder_share_a_lane_and_so_does_a_later_change_to_either()
    {
        var rows = Rows(("issue", "HOLD-000001", "91330106T0000009X1"), ("issue", "OTHER-000001", "91330106T0000008X1"), ("issue", "HOLD-000002", "91330106t0000009x1"),
            ("withdraw", "HOLD-000002", null));

        var lanes = BulkLanes.Assign(rows, 4);

        lanes[2].ShouldBe(lanes[0]);
        lanes[3].ShouldBe(lanes[0]);
        lanes[1].ShouldNotBe(lanes[0]);
    }

    [Fact]
    public void Unrelated_rows_spread_evenly_and_one_lane_takes_everything()
    {
        var rows = Rows([.. Enumerable.Range(0, 10).Select(i => ("issue", $"SPREAD-{i:D6}", (string?)null))]);

        BulkLanes.Assign(rows, 4).GroupBy(l => l).Select(g => g.Count()).Order().ShouldBe([2, 2, 3, 3]);
        BulkLanes.Assign(rows, 1).ShouldAllBe(l => l == 0);
    }

    private static List<PublishingRow> Rows(params (string Operation, string Number, string? CreditCode)[] rows) =>
        [.. rows.Select((r, i) => new PublishingRow(i + 1, new Dictionary<string, string?>
        {
            [RowFields.Operation] = r.Operation,
            [RowFields.Number] = r.Number,
            [RowFields.OrganisationCreditCode] = r.CreditCode,
        }))];
}
