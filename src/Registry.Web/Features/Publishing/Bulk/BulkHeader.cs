using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>The header line of a bulk CSV or workbook: known snake_case columns, none twice, operation and number among them.</summary>
internal static class BulkHeader
{
    public static string? Problem(IReadOnlyList<string> header)
    {
        if (header.FirstOrDefault(h => !RowFields.IsField(h)) is { } unknown)
        {
            return $"'{(unknown.Length <= 40 ? unknown : unknown[..40])}' is not a column; the columns are {string.Join(", ", RowFields.All)}.";
        }

        if (header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            return $"The column {repeated.Key} appears more than once.";
        }

        return header.Contains(RowFields.Operation) && header.Contains(RowFields.Number)
            ? null
            : $"The header needs at least the columns {RowFields.Operation} and {RowFields.Number}.";
    }
}
