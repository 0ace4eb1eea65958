using System.Text.Unicode;
using CsvHelper;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Reads a bulk CSV (RFC 4180, UTF-8, comma-separated, header line of snake_case field names) with CsvHelper.
/// A broken document (bad quoting, not UTF-8, unknown or repeated columns) is refused whole; a line with the
/// wrong number of fields is a problem of that row only.
/// </summary>
public static class CsvRows
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        DetectSeparatorHint = false,

        // Messages go back to the client, who has the values; they stay out of the server's logs this way too.
        IncludeValuesInExceptions = false,
    };

    public static async Task<BulkDocument> ReadAsync(byte[] body, CancellationToken cancellationToken)
    {
        if (!Utf8.IsValid(body))
        {
            return BulkDocument.Broken("The CSV is not valid UTF-8; save it as UTF-8 (with or without a byte order mark).");
        }

        var start = body.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        await using var reader = CsvReader.Create(body.AsMemory(start), Options);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0 || header is [""])
            {
                return BulkDocument.Broken("The CSV is empty: it needs a header line and at least one row.");
            }

            if (BulkHeader.Problem(header) is { } problem)
            {
                return BulkDocument.Broken(problem);
            }

            var rows = new List<PublishingRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == BulkLimits.MaxRows)
                {
                    return BulkDocument.Overfull();
                }

                rows.Add(Row(rows.Count + 1, header, reader));
            }

            return rows.Count == 0 ? BulkDocument.Broken("The CSV has a header line but no rows.") : new BulkDocument(rows);
        }
        catch (CsvFormatException e)
        {
            return BulkDocument.Broken($"The CSV is malformed at line {e.LineNumber}: {e.Message}");
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static PublishingRow Row(int rowNumber, string[] header, CsvReader reader)
    {
        if (reader.FieldCount != header.Length)
        {
            return new PublishingRow(rowNumber, new Dictionary<string, string?>(),
                new PublishingError(PublishingErrorCodes.InvalidInput, $"The row has {reader.FieldCount} fields; the header has {header.Length}."));
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            fields[header[i]] = reader.GetString(i);
        }

        return new PublishingRow(rowNumber, fields);
    }
}
