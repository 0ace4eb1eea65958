using System.Text.Json;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Checks;

/// <summary>
/// A list as the result page carries it in a hidden field (its cells as read, and how the file was read), so that
/// sorting, filtering, the downloads and a receipt post it again and the registry keeps nothing between requests.
/// </summary>
public static class CheckPostedRows
{
    public const string Field = "rows";

    public static string Write(TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return JsonSerializer.Serialize(new PostedRows(table.Format, table.Encoding, [.. table.Rows.Select(r => r.Cells)]));
    }

    /// <summary>The list posted again, within the same limits as a file.</summary>
    public static (TextTable? Table, TableProblem? Problem) Read(string json)
    {
        try
        {
            if (JsonSerializer.Deserialize<PostedRows>(json) is { Rows: { } rows } posted)
            {
                var (table, problem) = TableFile.FromCells(rows, CheckRows.MaxRows);
                return table is null ? (null, problem) : (table with { Format = posted.Format, Encoding = posted.Encoding }, null);
            }
        }
        catch (JsonException)
        {
        }

        return (null, Malformed);
    }

    public static TableProblem Malformed => TableProblem.Unreadable("MALFORMED_FORM", "The form did not arrive whole; send it again.");

    private sealed record PostedRows(TableFormat Format, string Encoding, List<IReadOnlyList<string>> Rows);
}
