using Microsoft.Extensions.Localization;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Checks;

/// <summary>Why a list could not be read, for the page, in the reader's language; programs get the English detail with the same code.</summary>
public static class CheckMessages
{
    public static string For(IStringLocalizer text, TableProblem problem) => problem.Code switch
    {
        "FILE_TOO_LARGE" => text["The file is too large: a list may have at most {0} MB.", TableLimits.MaxBytes / (1024 * 1024)],
        "TOO_MANY_ROWS" => text["The list has more than {0} rows; check at most {0} at a time.", CheckRows.MaxRows.ToString("N0", CultureInfo.CurrentCulture)],
        "WORKBOOK_TOO_LARGE" => text["The workbook expands to more than {0} MB when unzipped; a list of bidders is far smaller. Save the list alone, or as CSV.", TableLimits.MaxExpandedBytes / (1024 * 1024)],
        "UNSUPPORTED_FILE" => text["This file is not a list the registry can read: upload a CSV, TSV or .xlsx file, or paste the list."],
        "MIXED_ENCODINGS" => text["The file mixes text encodings (part UTF-8, part GBK); save it again as one, UTF-8 or GBK, and upload that."],
        "MALFORMED_TABLE" => text["The list cannot be read: its quotation marks do not pair up. Save it again from the spreadsheet."],
        "MALFORMED_WORKBOOK" => text["The .xlsx workbook cannot be read (it is damaged or not really a workbook); save it again from Excel, or as CSV."],
        "TOO_MANY_COLUMNS" => text["A row has more than {0} columns; a list of bidders needs a few.", TableLimits.MaxColumns],
        "CELL_TOO_LONG" => text["A cell is longer than {0} characters; no company name or code is that long.", TableLimits.MaxCellLength],
        "EMPTY_LIST" => text["The list is empty: give one company name, credit code or certificate number per row."],
        "MALFORMED_FORM" => text["The form did not arrive whole; send it again."],
        _ => text["The list holds characters the registry refuses (control or direction characters): {0}", problem.Message],
    };
}
