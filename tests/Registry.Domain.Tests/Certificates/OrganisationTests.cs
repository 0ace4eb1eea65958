using Registry.Domain.Identifiers;

namespace Registry.Domain.Tests.Certificates;

public class OrganisationTests
{
    // Fictional codes, completed with a check character by the independent implementation.
    private static readonly CreditCode Shenzhen = CreditCode.Parse(Gb32100.Complete("91440300MA5DEMXX1"));
    private static readonly CreditCode Hangzhou = CreditCode.Parse(Gb32100.Complete("91330100MA2DEMXX2"));
    private static readonly CreditCode NoProvince = CreditCode.Parse(Gb32100.Complete("91990000MA5DEMXX3"));

    [Fact]
    public void The_province_is_derived_from_the_credit_code()
    {
        var organisation = New("演示电器有限公司", Shenzhen);

        organisation.CreditCode.ShouldBe(Shenzhen.Value);
        organisation.DivisionCode.ShouldBe("440300");
        organisation.ProvinceCode.ShouldBe("44");
        organisation.Province.NameZh.ShouldBe("广东省");
        organisation.Province.NameEn.ShouldBe("Guangdong");
        New("演示杭州公司", Hangzhou).Province.NameEn.ShouldBe("Zhejiang");
    }

    [Fact]
    public void A_credit_code_whose_division_names_no_province_is_refused() =>
        ((Action)(() => New("演示公司", NoProvince))).ShouldBeRefusedWith("UNKNOWN_DIVISION_CODE");

    [Fact]
    public void Rename_keeps_the_old_name_among_the_former_names()
    {
        var organisation = New("演示电器有限公司", Shenzhen);

        organisation.Rename("演示智能电器有限公司");
        organisation.Rename("演示智能科技股份有限公司");

        organisation.LegalNameZh.ShouldBe("演示智能科技股份有限公司");
        organisation.FormerNames.ShouldBe(["演示电器有限公司", "演示智能电器有限公司"]);
    }

    [Fact]
    public void Renaming_to_the_current_name_changes_nothing()
    {
        var organisation = New("演示电器有限公司", Shenzhen);

        organisation.Rename("  演示电器有限公司 ");

        organisation.LegalNameZh.ShouldBe("演示电器有限公司");
        organisation.FormerNames.ShouldBeEmpty();
    }

    [Fact]
    public void Renaming_to_an_empty_name_is_refused()
    {
        var organisation = New("演示电器有限公司", Shenzhen);

        ((Action)(() => organisation.Rename(" "))).ShouldBeRefusedWith("NAME_REQUIRED");
        organisation.LegalNameZh.ShouldBe("演示电器有限公司");
    }

    [Fact]
    public void Names_are_trimmed_and_optional_fields_may_be_absent()
    {
        var organisation = new Organisation("  演示电器有限公司  ", ["  旧名演示公司 "], "   ", Shenzhen, null, isDemo: true);

        organisation.LegalNameZh.ShouldBe("演示电器有限公司");
        organisation.FormerNames.ShouldBe(["旧名演示公司"]);
        organisation.NameEn.ShouldBeNull();
        organisation.Address.ShouldBeNull();
        organisation.IsDemo.ShouldBeTrue();
    }

    [Fact]
    public void A_legal_name_is_required_and_limited_to_200_characters()
    {
        ((Action)(() => New("", Shenzhen))).ShouldBeRefusedWith("NAME_REQUIRED");
        ((Action)(() => New(new string('名', 201), Shenzhen))).ShouldBeRefusedWith("TEXT_TOO_LONG");
        New(new string('名', 200), Shenzhen).LegalNameZh.Length.ShouldBe(200);
    }

    private static Organisation New(string name, CreditCode code) =>
        new(name, null, "Demo Appliances Co., Ltd.", code, "演示地址", isDemo: true);
}
