using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Reads a bulk .xlsx workbook: its first sheet, the first row the same snake_case header a CSV has, each row after
/// it a change. The workbook is read by the same guarded reader as a list to check (zip bomb budget, first sheet
/// only, numbers and dates as text), under the bulk request's own bounds.
/// </summary>
public static class XlsxRows
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A cell as long as Excel allows, so that an over-long field fails its own row (<c>FIELD_TOO_LONG</c>) as in a
    /// CSV rather than the whole workbook; a workbook expands to four times what the request may carry.
    /// </summary>
    private static readonly TableBounds Bounds = new(BulkLimits.MaxBodyBytes, 4L * BulkLimits.MaxBodyBytes, MaxColumns: 64, MaxCellLength: 32_767);

    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> body) => body.StartsWith("PK\u0003\u0004"u8);

    public static BulkDocument Read(byte[] body)
    {
        var (table, problem) = TableFile.ReadWorkbook(body, BulkLimits.MaxRows, Bounds);
        if (problem is not null)
        {
            return problem.Code == "TOO_MANY_ROWS" ? BulkDocument.Overfull() : BulkDocument.Broken(problem.Message);
        }

        var header = table!.Rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (BulkHeader.Problem(header) is { } headerProblem)
        {
            return BulkDocument.Broken($"The workbook's first row is its header: {headerProblem}");
        }

        var rows = new List<PublishingRow>();
        foreach (var source in table.Rows.Skip(1))
        {
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < source.Cells.Count ? source.Cells[i] : null;
            }

            // Cells past the header are values without a column: the row is refused, never silently cut.
            var stray = source.Cells.Skip(header.Length).Any(c => c.Length > 0);
            rows.Add(stray
                ? new PublishingRow(rows.Count + 1, new Dictionary<string, string?>(),
                    new PublishingError(PublishingErrorCodes.InvalidInput, $"Row {source.SourceRow} of the sheet has values to the right of the last column of the header."))
                : new PublishingRow(rows.Count + 1, fields));
        }

        return rows.Count == 0 ? BulkDocument.Broken("The workbook has a header row but no rows.") : new BulkDocument(rows);
    }
}
