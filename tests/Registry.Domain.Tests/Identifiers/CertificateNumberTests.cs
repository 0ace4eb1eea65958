using Registry.Domain.Identifiers;

namespace Registry.Domain.Tests.Identifiers;

public class CertificateNumberTests
{
    private const string Malformed = "MALFORMED_CERTIFICATE_NUMBER";

    [Theory]
    [InlineData("SC2023001")]
    [InlineData("SC2023-001")]
    [InlineData("sc2023-001")]
    [InlineData("Sc-2023-001")]
    [InlineData("ＳＣ２０２３－００１")]
    [InlineData("ｓｃ２０２３００１")]
    [InlineData("SC 2023 001")]
    [InlineData("  SC-2023-001  ")]
    [InlineData("SC/2023/001")]
    [InlineData("SC\\2023\\001")]
    [InlineData("SC·2023·001")]
    [InlineData("SC・2023・001")]
    [InlineData("SC\u2013" + "2023\u2014" + "001")]
    [InlineData("SC\u22122023\u2010" + "001")]
    [InlineData("SC\u30002023\u3000001")]
    [InlineData("SC\u200B2023\u200C001\u200D")]
    [InlineData("\uFEFFSC2023\u2060001")]
    [InlineData("SC.2023_001")]
    [InlineData("SC:2023\t001\n")]
    [InlineData("ＳＣ　２０２３／００１")]
    public void Every_way_of_typing_a_number_folds_to_the_same_normalized_form(string typed)
    {
        var number = CertificateNumber.Parse(typed);

        number.Normalized.ShouldBe("SC2023001");
        CertificateNumber.TryNormalize(typed, out var normalized, out var error).ShouldBeTrue();
        normalized.ShouldBe("SC2023001");
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("SC-2023/001", "SC-2023/001")]
    [InlineData("sc-2023-001", "SC-2023-001")]
    [InlineData("ＳＣ２０２３－００１", "SC2023-001")]
    [InlineData("  SC 2023 001  ", "SC 2023 001")]
    [InlineData("\u3000SC·2023·001\u3000", "SC·2023·001")]
    [InlineData("CQC-SV-2024.0815", "CQC-SV-2024.0815")]
    public void Display_keeps_the_separators_but_not_full_width_forms_lower_case_or_outer_spaces(string typed, string display)
    {
        var number = CertificateNumber.Parse(typed);

        number.Display.ShouldBe(display);
        number.ToString().ShouldBe(display);
    }

    [Theory]
    [InlineData("SC-2023-001\u200B")]
    [InlineData("\uFEFFSC-2023-001")]
    [InlineData("\u200DSC-2023-001\u2060")]
    public void Display_drops_invisible_characters_pasted_at_the_ends(string typed) =>
        CertificateNumber.Parse(typed).Display.ShouldBe("SC-2023-001");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u3000")]
    [InlineData("---///")]
    [InlineData("SC201")]
    [InlineData("S-C-2-0-1")]
    [InlineData("认证2023001")]
    [InlineData("SC2023001号")]
    [InlineData("①23456789")]
    [InlineData("SC#2023001")]
    [InlineData("SC*2023001")]
    [InlineData("SC2023001＃")]
    [InlineData("SÉ2023001")]
    [InlineData("SC２０２３٠٠١")]
    [InlineData("SC(2023)001")]
    public void Malformed_numbers_are_refused(string? typed)
    {
        CertificateNumber.TryParse(typed, out var number, out var error).ShouldBeFalse();
        number.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
        ((Action)(() => CertificateNumber.Parse(typed))).ShouldBeRefusedWith(Malformed);
    }

    [Fact]
    public void A_non_ASCII_letter_that_upper_cases_to_an_ASCII_one_is_refused()
    {
        // U+017F LATIN SMALL LETTER LONG S upper-cases to 'S': it must stay malformed, not match SC2023001.
        CertificateNumber.TryParse("\u017FC2023001", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void The_shortest_accepted_number_has_six_characters()
    {
        CertificateNumber.TryParse("SC201", out _, out _).ShouldBeFalse();
        CertificateNumber.TryParse("SC2010", out var six, out _).ShouldBeTrue();
        six.Normalized.Length.ShouldBe(6);
    }

    [Fact]
    public void The_longest_accepted_number_has_forty_folded_characters()
    {
        var forty = new string('A', 20) + new string('9', 20);
        var fortyOne = forty + "7";

        CertificateNumber.Parse(forty).Normalized.ShouldBe(forty);
        ((Action)(() => CertificateNumber.Parse(fortyOne))).ShouldBeRefusedWith(Malformed);
    }

    [Fact]
    public void Separators_count_towards_the_raw_limit_of_eighty_characters()
    {
        var eighty = string.Concat(Enumerable.Repeat("A9--", 20));
        var eightyOne = eighty + "-";

        eighty.Length.ShouldBe(80);
        CertificateNumber.TryParse(eighty, out var accepted, out _).ShouldBeTrue();
        accepted.Normalized.ShouldBe(string.Concat(Enumerable.Repeat("A9", 20)));

        eightyOne.Length.ShouldBe(81);
        IdentifierText.Fold(eightyOne).Length.ShouldBeLessThanOrEqualTo(40);
        ((Action)(() => CertificateNumber.Parse(eightyOne))).ShouldBeRefusedWith(Malformed);
    }

    [Fact]
    public void Numbers_typed_differently_share_the_normalized_form_but_keep_their_display()
    {
        var printed = CertificateNumber.Parse("SC-2023-001");
        var typed = CertificateNumber.Parse("ｓｃ２０２３００１");

        typed.Normalized.ShouldBe(printed.Normalized);
        typed.Display.ShouldBe("SC2023001");
        printed.Display.ShouldBe("SC-2023-001");
    }
}
