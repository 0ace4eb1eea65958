using System.IO.Compression;
using CsvHelper;
using MiniExcelLibs;

namespace Registry.Web.Features.Input.Tables;

/// <summary>How a table came in, for the result's "read as" line.</summary>
public enum TableFormat
{
    Pasted,
    Csv,
    Tsv,
    Xlsx,
}

/// <summary>A table as text cells, row by row, exactly as typed (trimmed); rows that are wholly empty are left out.</summary>
public sealed record TextTable(TableFormat Format, string Encoding, IReadOnlyList<TableRow> Rows);

/// <summary>One row: its line (CSV, pasted text) or row number (.xlsx) in the source, and its cells.</summary>
public sealed record TableRow(int SourceRow, IReadOnlyList<string> Cells);

/// <summary>
/// Reads what a person gives the registry as a table: pasted text, a CSV or TSV file (any separator Excel
/// writes, see <see cref="TableText"/> for encodings) or an .xlsx workbook (its first sheet, through MiniExcel).
/// The format is taken from the bytes, never from the file's name: a picture named .csv is refused as what it is.
/// </summary>
public static class TableFile
{
    private static readonly CsvReaderOptions CsvOptions = new()
    {
        // Detected from the first lines: comma, semicolon, tab or bar.
        Separator = null,
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        DetectSeparatorHint = true,
        MaxRecordSize = 64 * 1024,
        IncludeValuesInExceptions = false,
    };

    public static (TextTable? Table, TableProblem? Problem) Read(ReadOnlySpan<byte> content, int maxRows)
    {
        if (content.Length > TableLimits.MaxBytes)
        {
            return (null, TableProblem.TooLarge(content.Length));
        }

        if (content.IsEmpty)
        {
            return (null, Empty());
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return ReadXlsx(content.ToArray(), maxRows, TableBounds.Lists);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (null, TableProblem.Unsupported("This is an old Excel workbook (.xls); save it as .xlsx or CSV and upload that."));
        }

        var (text, encoding, problem) = TableText.Decode(content);
        return problem is not null ? (null, problem) : ReadText(text!, encoding, maxRows, pasted: false);
    }

    /// <summary>An .xlsx workbook's first sheet under other bounds than a list's (a bulk upload of certificate changes).</summary>
    public static (TextTable? Table, TableProblem? Problem) ReadWorkbook(byte[] content, int maxRows, TableBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(bounds);
        return content.Length > bounds.MaxBytes ? (null, TableProblem.TooLarge(content.Length)) : ReadXlsx(content, maxRows, bounds);
    }

    public static (TextTable? Table, TableProblem? Problem) ReadPasted(string text, int maxRows) =>
        ReadText(text, TableText.Utf8Name, maxRows, pasted: true);

    /// <summary>Rows a program sent as cells (a JSON array), under the same limits as a file.</summary>
    public static (TextTable? Table, TableProblem? Problem) FromCells(IEnumerable<IReadOnlyList<string>> cells, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var rows = new List<TableRow>();
        var sourceRow = 0;
        foreach (var row in cells)
        {
            if (Add(rows, new TableRow(++sourceRow, row), maxRows, TableBounds.Lists) is { } problem)
            {
                return (null, problem);
            }
        }

        return rows.Count == 0 ? (null, Empty()) : (new TextTable(TableFormat.Pasted, TableText.Utf8Name, rows), null);
    }

    private static (TextTable? Table, TableProblem? Problem) ReadText(string text, string encoding, int maxRows, bool pasted)
    {
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            return (null, TableProblem.Unsupported("The file holds control characters that no text table has: upload a CSV, TSV or .xlsx file, or paste the list."));
        }

        var rows = new List<TableRow>();
        using var reader = CsvReader.FromText(text, CsvOptions);
        try
        {
            while (reader.Read())
            {
                var cells = new string[Math.Min(reader.FieldCount, TableBounds.Lists.MaxColumns + 1)];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                if (Add(rows, new TableRow(checked((int)reader.LineNumber), cells), maxRows, TableBounds.Lists) is { } problem)
                {
                    return (null, problem);
                }
            }
        }
        catch (CsvFormatException e)
        {
            return (null, TableProblem.Unreadable("MALFORMED_TABLE", $"The list cannot be read at line {e.LineNumber}: {e.Message}"));
        }

        var format = pasted ? TableFormat.Pasted : reader.Separator == '\t' ? TableFormat.Tsv : TableFormat.Csv;
        return rows.Count == 0 ? (null, Empty()) : (new TextTable(format, encoding, rows), null);
    }

    private static (TextTable? Table, TableProblem? Problem) ReadXlsx(byte[] content, int maxRows, TableBounds bounds)
    {
        if (ZipProblem(content, bounds.MaxExpandedBytes) is { } zipProblem)
        {
            return (null, zipProblem);
        }

        var rows = new List<TableRow>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var sourceRow = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                sourceRow++;
                var cells = row.Values.Take(bounds.MaxColumns + 1).Select(CellText).ToArray();
                if (Add(rows, new TableRow(sourceRow, cells), maxRows, bounds) is { } problem)
                {
                    return (null, problem);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException or KeyNotFoundException or NotSupportedException or ArgumentException)
        {
            return (null, TableProblem.Unreadable("MALFORMED_WORKBOOK", "The .xlsx workbook cannot be read (it is damaged or not really a workbook); save it again from Excel, or as CSV."));
        }

        return rows.Count == 0 ? (null, Empty()) : (new TextTable(TableFormat.Xlsx, TableText.Utf8Name, rows), null);
    }

    /// <summary>
    /// Every part of the archive is inflated once, with a counter, before the workbook reader sees it: the sizes in
    /// a zip's directory are the sender's word, and a zip bomb lies in them.
    /// </summary>
    private static TableProblem? ZipProblem(byte[] content, long maxExpandedBytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.GetEntry("xl/workbook.xml") is null)
            {
                return TableProblem.Unsupported("This zip archive is not an .xlsx workbook: upload a CSV, TSV or .xlsx file, or paste the list.");
            }

            var budget = maxExpandedBytes;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    budget -= read;
                    if (budget < 0)
                    {
                        return new TableProblem(StatusCodes.Status413PayloadTooLarge, "WORKBOOK_TOO_LARGE", $"The workbook expands to more than {maxExpandedBytes / 1024 / 1024} MiB when unzipped; save the table alone, or as CSV.");
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return TableProblem.Unreadable("MALFORMED_WORKBOOK", "The .xlsx workbook cannot be read (it is damaged or not really a workbook); save it again from Excel, or as CSV.");
        }
    }

    private static TableProblem? Add(List<TableRow> rows, TableRow row, int maxRows, TableBounds bounds)
    {
        if (row.Cells.Count > bounds.MaxColumns)
        {
            return TableProblem.Unreadable("TOO_MANY_COLUMNS", $"Row {row.SourceRow} has more than {bounds.MaxColumns} columns.");
        }

        var cells = row.Cells.Select(c => c.Trim()).ToArray();
        if (cells.FirstOrDefault(c => c.Length > bounds.MaxCellLength) is not null)
        {
            return TableProblem.Unreadable("CELL_TOO_LONG", $"Row {row.SourceRow} has a cell longer than {bounds.MaxCellLength} characters.");
        }

        if (cells.All(c => c.Length == 0))
        {
            return null;
        }

        if (rows.Count == maxRows + 1)
        {
            // One row more than the limit is allowed for, as a header line.
            return new TableProblem(StatusCodes.Status413PayloadTooLarge, "TOO_MANY_ROWS", $"The table has more than {maxRows:N0} rows; send at most {maxRows:N0} at a time.");
        }

        rows.Add(row with { Cells = cells });
        return null;
    }

    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        double number => number.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static TableProblem Empty() => TableProblem.Unreadable("EMPTY_LIST", "The list is empty: give one company name, credit code or certificate number per row.");
}
