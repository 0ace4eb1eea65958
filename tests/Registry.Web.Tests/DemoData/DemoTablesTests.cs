using Registry.Domain.Geography;
using Registry.Domain.Identifiers;
using Registry.Web.Features.DemoData;

namespace Registry.Web.Tests.DemoData;

public sealed class DemoTablesTests
{
    [Fact]
    public void Division_table_has_real_looking_codes_across_the_provinces()
    {
        var all = DemoDivisions.All;

        all.Count.ShouldBeGreaterThanOrEqualTo(40);
        all.Select(d => d.Code).ShouldBeUnique();
        all.Select(d => d.ProvinceCode).Distinct().Count().ShouldBeGreaterThanOrEqualTo(20);
        foreach (var d in all)
        {
            d.Code.Length.ShouldBe(6);
            d.Code.ShouldAllBe(c => char.IsAsciiDigit(c));
            var province = Provinces.FromDivisionCode(d.Code);
            province.ShouldNotBeNull(d.Code);
            province.ShouldNotBe(Provinces.National);
            d.CityZh.ShouldBe(d.Region + "市");
            d.Weight.ShouldBeGreaterThan(0);
        }

        DemoDivisions.Find("330106")!.Region.ShouldBe("杭州");
        DemoDivisions.Find("440305")!.Region.ShouldBe("深圳");
        DemoDivisions.Find("110105")!.Region.ShouldBe("北京");
    }

    [Fact]
    public void Twelve_fictional_bodies_with_a_never_issued_approval_series()
    {
        var bodies = DemoBodies.All;

        bodies.Count.ShouldBe(12);
        bodies.Select(b => b.Code).ShouldBe(Enumerable.Range(1, 12).Select(i => $"DEMO{i:D2}"));
        bodies.Select(b => b.ApprovalNumber).ShouldBe(Enumerable.Range(901, 12).Select(i => $"CNCA-R-2099-{i}"));
        bodies.ShouldAllBe(b => b.NameZh.Contains("示例") && b.NameZh.EndsWith("（演示）") && b.NameEn.Contains("(fictional)"));
        bodies.Select(b => b.NameZh).ShouldBeUnique();
        bodies.Select(b => b.ToBody().Website).ShouldAllBe(w => w!.EndsWith(".example.org/"));
    }

    [Fact]
    public void Body_number_formats_differ_and_never_collide_when_normalized()
    {
        var numbers = DemoBodies.All.SelectMany(b => new[] { (2024, 1), (2024, 99_999), (2025, 123), (2021, 100_000) }
            .Select(p => (Body: b, Number: CertificateNumber.Parse(b.Number(p.Item1, p.Item2))))).ToList();

        numbers.Select(n => n.Number.Normalized).ShouldBeUnique();
        numbers.ShouldAllBe(n => n.Number.Normalized.Contains(n.Body.Code));
        // Each body prints its own shape: the non-alphanumeric skeleton differs from body to body.
        DemoBodies.All.Select(b => Skeleton(b.Number(2024, 123))).ShouldBeUnique();
        DemoBodies.All.ShouldAllBe(b => b.Number(2024, 123) != CertificateNumber.Parse(b.Number(2024, 123)).Normalized);
    }

    [Fact]
    public void Brand_syllables_cannot_spell_the_famous_brands()
    {
        var syllables = DemoNames.BrandSyllables.Select(s => s.Zh).ToHashSet();

        syllables.Count.ShouldBe(DemoNames.BrandSyllables.Count);
        foreach (var c in "海尔格力美的华为小米联想信长虹")
        {
            syllables.ShouldNotContain(c.ToString());
        }

        DemoNames.Trades.Count.ShouldBeGreaterThanOrEqualTo(20);
        DemoNames.Trades.ShouldAllBe(t => t.ScopeZh.Length > 0 && t.ScopeEn.Length > 0 && t.NameEn.Length > 0);
    }

    private static string Skeleton(string number) =>
        new([.. number.Select(c => char.IsAsciiDigit(c) ? '9' : char.IsAsciiLetter(c) ? 'A' : c)]);
}
