using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Checks;

/// <summary>
/// A report as a file: CSV in UTF-8 with a byte order mark (so that Excel opens Chinese correctly) or .xlsx.
/// Nothing a person typed comes back as a formula: CSV cells that a spreadsheet would run (= + - @ tab CR)
/// are escaped with an apostrophe (OWASP's advice), and the workbook writes every cell as text, never as a formula.
/// </summary>
public static class CheckDownloads
{
    public const string CsvType = CsvDownload.ContentType;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(CheckReport report, IStringLocalizer text) => CsvDownload.Write(CheckLines.Header(text), CheckLines.Lines(report, text));

    public static byte[] Xlsx(CheckReport report, IStringLocalizer text)
    {
        var header = CheckLines.Header(text);
        var sheet = CheckLines.Lines(report, text).Select(line =>
        {
            var cells = new Dictionary<string, object?>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = line[i];
            }

            return cells;
        }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, sheetName: text["Check"], excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    public static string FileName(CheckReport report, string extension) =>
        $"star-registry-check-{report.AsOf.UtcDateTime:yyyyMMdd-HHmmss}Z.{extension}";
}
