using Registry.Domain.Geography;

namespace Registry.Domain.Tests.Geography;

public class ProvincesTests
{
    [Theory]
    [InlineData("440300", "44", "广东省", "Guangdong")]
    [InlineData("110108", "11", "北京市", "Beijing")]
    [InlineData("330100", "33", "浙江省", "Zhejiang")]
    [InlineData("370200", "37", "山东省", "Shandong")]
    [InlineData("650100", "65", "新疆维吾尔自治区", "Xinjiang")]
    [InlineData("100000", "10", "国家级登记", "National registration")]
    public void The_first_two_digits_of_a_division_code_name_the_province(string division, string code, string nameZh, string nameEn)
    {
        var province = Provinces.FromDivisionCode(division).ShouldNotBeNull();

        province.Code.ShouldBe(code);
        province.NameZh.ShouldBe(nameZh);
        province.NameEn.ShouldBe(nameEn);
    }

    [Theory]
    [InlineData("990000")]
    [InlineData("000000")]
    [InlineData("200000")]
    [InlineData("7")]
    [InlineData("")]
    public void A_prefix_that_is_no_province_gives_none(string division) =>
        Provinces.FromDivisionCode(division).ShouldBeNull();

    [Fact]
    public void Every_province_level_division_is_listed_once()
    {
        // 31 provinces, autonomous regions and municipalities of the mainland, plus national registration.
        Provinces.All.Count.ShouldBe(32);
        Provinces.All.Select(p => p.Code).ShouldBeUnique();
    }
}
