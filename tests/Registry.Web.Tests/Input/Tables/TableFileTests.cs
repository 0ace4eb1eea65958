using System.IO.Compression;
using MiniExcelLibs;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Tests.Input.Tables;

public sealed class TableFileTests
{
    static TableFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gbk => Encoding.GetEncoding("GBK");

    [Fact]
    public void A_gbk_csv_as_excel_saves_it_in_china_is_read_as_gb18030()
    {
        var bytes = Gbk.GetBytes("公司名称,统一社会信用代码\r\n青岛海尔智家股份有限公司,91370200163562681G\r\n格兰仕（中山）家用电器有限公司,\r\n");

        var (table, problem) = TableFile.Read(bytes, 1000);

        problem.ShouldBeNull();
        table!.Format.ShouldBe(TableFormat.Csv);
        table.Encoding.ShouldBe("GB18030");
        table.Rows.Select(r => r.Cells[0]).ShouldBe(["公司名称", "青岛海尔智家股份有限公司", "格兰仕（中山）家用电器有限公司"]);
        table.Rows[1].Cells[1].ShouldBe("91370200163562681G");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_is_read_with_or_without_a_byte_order_mark(bool bom)
    {
        var text = Encoding.UTF8.GetBytes("名称\n杭州梦金园黄金珠宝有限公司\n");
        byte[] bytes = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;

        var (table, problem) = TableFile.Read(bytes, 1000);

        problem.ShouldBeNull();
        table!.Encoding.ShouldBe("UTF-8");
        table.Rows[0].Cells[0].ShouldBe("名称", "the byte order mark is not part of the first cell");
        table.Rows[1].Cells[0].ShouldBe("杭州梦金园黄金珠宝有限公司");
    }

    [Fact]
    public void Excel_unicode_text_is_utf16_with_tabs()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("序号\t公司名称\r\n1\t美的集团股份有限公司\r\n")).ToArray();

        var (table, problem) = TableFile.Read(bytes, 1000);

        problem.ShouldBeNull();
        table!.Format.ShouldBe(TableFormat.Tsv);
        table.Encoding.ShouldBe("UTF-16");
        table.Rows[1].Cells.ShouldBe(["1", "美的集团股份有限公司"]);
    }

    [Fact]
    public void A_file_with_utf8_and_gbk_lines_is_refused_rather_than_half_garbled()
    {
        var bytes = Encoding.UTF8.GetBytes("青岛海尔智家股份有限公司\n").Concat(Gbk.GetBytes("美的集团股份有限公司\n")).ToArray();

        var (table, problem) = TableFile.Read(bytes, 1000);

        table.ShouldBeNull();
        problem!.Code.ShouldBe("MIXED_ENCODINGS");
        problem.Status.ShouldBe(400);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 })]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x41, 0x42, 0x07, 0x43, 0x0A })]
    public void Binary_files_named_csv_are_refused_as_unsupported(byte[] bytes)
    {
        var (table, problem) = TableFile.Read(bytes, 1000);

        table.ShouldBeNull();
        problem!.Status.ShouldBe(415);
        problem.Code.ShouldBe("UNSUPPORTED_FILE");
    }

    [Fact]
    public void An_old_xls_workbook_is_refused_with_what_to_do()
    {
        var (_, problem) = TableFile.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], 1000);

        problem!.Status.ShouldBe(415);
        problem.Message.ShouldContain(".xlsx");
    }

    [Fact]
    public void Empty_files_and_files_of_blank_lines_are_empty_lists()
    {
        TableFile.Read([], 1000).Problem!.Code.ShouldBe("EMPTY_LIST");
        TableFile.Read(Encoding.UTF8.GetBytes("\r\n , \r\n\t\n"), 1000).Problem!.Code.ShouldBe("EMPTY_LIST");
        TableFile.ReadPasted("   ", 1000).Problem!.Code.ShouldBe("EMPTY_LIST");
    }

    [Fact]
    public void A_list_may_have_its_rows_and_one_header_but_no_more()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 1001).Select(i => $"公司{i}"));
        TableFile.ReadPasted(rows, 1000).Table!.Rows.Count.ShouldBe(1001, "a header line and 1,000 rows");

        var (table, problem) = TableFile.ReadPasted(rows + "\n公司1002", 1000);
        table.ShouldBeNull();
        problem!.Status.ShouldBe(413);
        problem.Code.ShouldBe("TOO_MANY_ROWS");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var (_, problem) = TableFile.Read(new byte[TableLimits.MaxBytes + 1], 1000);

        problem!.Status.ShouldBe(413);
        problem.Code.ShouldBe("FILE_TOO_LARGE");
    }

    [Fact]
    public void An_xlsx_workbook_is_read_from_its_first_sheet_with_numbers_as_typed()
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(new[]
        {
            new Dictionary<string, object> { ["序号"] = 1, ["公司名称"] = "美的集团股份有限公司", ["证书编号"] = "SC-2024/0012" },
            new Dictionary<string, object> { ["序号"] = 2, ["公司名称"] = "=HYPERLINK(\"http://example.com\",\"x\")", ["证书编号"] = "" },
        }, excelType: ExcelType.XLSX);

        var (table, problem) = TableFile.Read(buffer.ToArray(), 1000);

        problem.ShouldBeNull();
        table!.Format.ShouldBe(TableFormat.Xlsx);
        table.Rows.Count.ShouldBe(3);
        table.Rows[0].Cells.ShouldBe(["序号", "公司名称", "证书编号"]);
        table.Rows[1].Cells.ShouldBe(["1", "美的集团股份有限公司", "SC-2024/0012"]);
        table.Rows[2].Cells[1].ShouldBe("=HYPERLINK(\"http://example.com\",\"x\")", "a formula cell is read as its text, never run");
    }

    [Fact]
    public void A_zip_bomb_named_xlsx_is_refused_without_being_inflated_into_memory()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                workbook.Write("<workbook/>");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 100; i++)
            {
                sheet.Write(zeros);
            }
        }

        buffer.Length.ShouldBeLessThan(TableLimits.MaxBytes, "the bomb fits under the upload limit");
        var (table, problem) = TableFile.Read(buffer.ToArray(), 1000);

        table.ShouldBeNull();
        problem!.Status.ShouldBe(413);
        problem.Code.ShouldBe("WORKBOOK_TOO_LARGE");
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_and_a_broken_workbook_are_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }

        TableFile.Read(buffer.ToArray(), 1000).Problem!.Code.ShouldBe("UNSUPPORTED_FILE");
        TableFile.Read([.. "PK\u0003\u0004"u8, 1, 2, 3, 4, 5], 1000).Problem!.Code.ShouldBe("MALFORMED_WORKBOOK");
    }

    [Fact]
    public void Cells_are_trimmed_and_quoted_commas_stay_in_their_cell()
    {
        var (table, _) = TableFile.ReadPasted("\"格兰仕（中山）, 家用电器\" ,  91370200163562681G \n", 1000);

        table!.Rows[0].Cells.ShouldBe(["格兰仕（中山）, 家用电器", "91370200163562681G"]);
    }
}
