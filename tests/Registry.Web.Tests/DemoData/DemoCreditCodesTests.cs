using Registry.Domain.Identifiers;
using Registry.Web.Features.DemoData;

namespace Registry.Web.Tests.DemoData;

public sealed class DemoCreditCodesTests
{
    [Theory]
    // Organisation codes (GB 11714) inside published credit codes; used only to check the check-character rule.
    [InlineData("19220382", '1')]
    [InlineData("70846113", '6')]
    [InlineData("55852163", '0')]
    public void Organisation_check_character_follows_gb_11714(string first8, char check) =>
        DemoCreditCodes.OrganisationCheckCharacter(first8).ShouldBe(check);

    [Fact]
    public void Codes_are_valid_unique_and_carry_the_division()
    {
        var codes = new DemoCreditCodes(seed: 42);
        var divisions = DemoDivisions.All;
        var generated = Enumerable.Range(0, 200_000)
            .Select(i => (Division: divisions[i % divisions.Count].Code, Code: codes.Create(divisions[i % divisions.Count].Code, i, newSeries: i % 3 != 0)))
            .ToList();

        generated.Select(g => g.Code.Value).ShouldBeUnique();
        foreach (var (division, code) in generated)
        {
            CreditCode.Parse(code.Value).ShouldBe(code);
            code.Value.ShouldStartWith("91" + division);
            code.DivisionCode.ShouldBe(division);
            DemoCreditCodes.OrganisationCheckCharacter(code.Value.AsSpan(8, 8)).ShouldBe(code.Value[16]);
        }

        generated.ShouldContain(g => g.Code.Value.Substring(8, 2) == "MA");
        generated.ShouldContain(g => g.Code.Value.Substring(8, 8).All(char.IsAsciiDigit));
    }

    [Fact]
    public void Same_seed_same_codes_other_seed_other_codes()
    {
        var a = new DemoCreditCodes(1).Create("330106", 17, newSeries: true);

        new DemoCreditCodes(1).Create("330106", 17, newSeries: true).ShouldBe(a);
        new DemoCreditCodes(2).Create("330106", 17, newSeries: true).ShouldNotBe(a);
    }

    [Fact]
    public void Refuses_a_malformed_division()
    {
        Should.Throw<ArgumentException>(() => new DemoCreditCodes(1).Create("33010", 0, newSeries: false));
        Should.Throw<ArgumentException>(() => new DemoCreditCodes(1).Create("3301A6", 0, newSeries: false));
    }
}
