using Registry.Domain;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Tests.Checks;

public sealed class CheckRowsTests
{
    private const string Code = "91370200163562681G";

    private static IReadOnlyList<CheckAsk> Read(string pasted) => CheckRows.Read(TableFile.ReadPasted(pasted, CheckRows.MaxRows).Table!);

    [Fact]
    public void One_column_without_a_header_is_read_cell_by_cell_for_what_was_typed()
    {
        var asks = Read($"青岛海尔智家股份有限公司\n{Code}\nsc-2024/0012\n９１３７０２００１６３５６２６８１Ｇ");

        asks.Select(a => a.AskedAs).ShouldBe([AskedAs.Name, AskedAs.CreditCode, AskedAs.CertificateNumber, AskedAs.CreditCode]);
        asks[0].Name.ShouldBe("青岛海尔智家股份有限公司");
        asks[1].CreditCode.ShouldBe(Code);
        asks[2].Number.ShouldBe("SC20240012");
        asks[3].CreditCode.ShouldBe(Code, "full-width typing folds");
        asks.Select(a => a.Row).ShouldBe([1, 2, 3, 4]);
    }

    [Theory]
    [InlineData("公司名称\t统一社会信用代码\t证书编号")]
    [InlineData("Company name,Credit code,Certificate No.")]
    [InlineData("投标人, USCC ,证书号")]
    public void Headed_columns_are_read_as_their_heading_says_in_chinese_or_english(string header)
    {
        var separator = header.Contains('\t', StringComparison.Ordinal) ? "\t" : ",";
        var asks = Read($"{header}\n美的集团股份有限公司{separator}{Code}{separator}SC-2024/0012");

        asks.Count.ShouldBe(1, "the header is not a row to check");
        asks[0].Name.ShouldBe("美的集团股份有限公司");
        asks[0].CreditCode.ShouldBe(Code);
        asks[0].Number.ShouldBe("SC20240012");
        asks[0].AskedAs.ShouldBe(AskedAs.CertificateNumber, "the most precise identifier in the row decides");
        asks[0].SourceRow.ShouldBe(2);
    }

    [Fact]
    public void Columns_a_heading_does_not_name_are_left_alone_and_row_numbers_are_not_names()
    {
        Read("序号,公司名称,联系人\n1,美的集团股份有限公司,张三")[0].Name.ShouldBe("美的集团股份有限公司");
        Read("1,美的集团股份有限公司")[0].Name.ShouldBe("美的集团股份有限公司");
    }

    [Fact]
    public void A_credit_code_or_a_number_in_the_name_column_is_still_what_it_is()
    {
        Read($"公司名称\n{Code}")[0].AskedAs.ShouldBe(AskedAs.CreditCode);
        Read("投标人\nsc-2024/0012\n美的集团")[0].Number.ShouldBe("SC20240012");
    }

    [Theory]
    [InlineData("91370200163562681H", DomainErrorCodes.CreditCodeCheckFailed)]
    [InlineData("91370200163562681", DomainErrorCodes.MalformedCreditCode)]
    [InlineData("913702001635626810", DomainErrorCodes.CreditCodeCheckFailed)]
    public void A_mistyped_credit_code_keeps_the_reason(string typed, string code)
    {
        var ask = Read($"统一社会信用代码\n{typed}")[0];

        ask.AskedAs.ShouldBe(AskedAs.Unreadable);
        ask.Problem!.Code.ShouldBe(code);
    }

    [Fact]
    public void A_check_character_error_without_a_header_is_not_taken_for_a_certificate_number()
    {
        var ask = Read("91370200163562681H")[0];

        ask.AskedAs.ShouldBe(AskedAs.Unreadable);
        ask.Problem!.Code.ShouldBe(DomainErrorCodes.CreditCodeCheckFailed);
    }

    [Theory]
    [InlineData("SVC-DEMO12-2022/00300", "SVCDEMO12202200300")]
    [InlineData("DEMO05/ASE/2022.00528", "DEMO05ASE202200528")]
    public void An_eighteen_character_certificate_number_is_not_taken_for_a_mistyped_credit_code(string typed, string normalized)
    {
        var ask = Read(typed)[0];

        ask.AskedAs.ShouldBe(AskedAs.CertificateNumber);
        ask.Number.ShouldBe(normalized);
    }

    [Fact]
    public void Text_the_registry_refuses_is_a_problem_of_its_row_only()
    {
        var asks = Read("美的\u202E集团\n格兰仕");

        asks[0].Problem!.Code.ShouldBe("INVALID_TEXT");
        asks[0].AskedAs.ShouldBe(AskedAs.Unreadable);
        asks[1].Name.ShouldBe("格兰仕");
    }
}
