using Registry.Domain.Identifiers;

namespace Registry.Domain.Tests.Identifiers;

public class IdentifierTextTests
{
    [Theory]
    [InlineData('\uFF01', '!')]
    [InlineData('\uFF10', '0')]
    [InlineData('\uFF19', '9')]
    [InlineData('\uFF21', 'A')]
    [InlineData('\uFF3A', 'Z')]
    [InlineData('\uFF41', 'a')]
    [InlineData('\uFF5A', 'z')]
    [InlineData('\uFF0D', '-')]
    [InlineData('\uFF5E', '~')]
    [InlineData('\u3000', ' ')]
    public void Full_width_forms_become_half_width(char fullWidth, char halfWidth) =>
        IdentifierText.ToHalfWidth(fullWidth).ShouldBe(halfWidth);

    [Theory]
    [InlineData('A')]
    [InlineData('7')]
    [InlineData('\uFF00')]
    [InlineData('\uFF5F')]
    [InlineData('\uFF65')]
    [InlineData('华')]
    [InlineData('①')]
    public void Other_characters_are_left_as_they_are(char c) =>
        IdentifierText.ToHalfWidth(c).ShouldBe(c);

    [Theory]
    [InlineData(' ')]
    [InlineData('\t')]
    [InlineData('\u00A0')]
    [InlineData('\u3000')]
    [InlineData('-')]
    [InlineData('/')]
    [InlineData('\\')]
    [InlineData('.')]
    [InlineData('_')]
    [InlineData(':')]
    [InlineData('·')]
    [InlineData('・')]
    [InlineData('･')]
    [InlineData('•')]
    [InlineData('\u2010')]
    [InlineData('\u2011')]
    [InlineData('\u2012')]
    [InlineData('\u2013')]
    [InlineData('\u2014')]
    [InlineData('\u2015')]
    [InlineData('\u2212')]
    [InlineData('\u200B')]
    [InlineData('\u200C')]
    [InlineData('\u200D')]
    [InlineData('\u2060')]
    [InlineData('\uFEFF')]
    public void Separators_people_type_between_parts_of_a_number_carry_no_meaning(char separator)
    {
        IdentifierText.IsSeparator(separator).ShouldBeTrue();
        IdentifierText.Fold("AB" + separator + "12").ShouldBe("AB12");
    }

    [Theory]
    [InlineData('#')]
    [InlineData('*')]
    [InlineData('(')]
    [InlineData('A')]
    [InlineData('0')]
    [InlineData('华')]
    public void Meaningful_or_unexpected_characters_are_not_separators(char c) =>
        IdentifierText.IsSeparator(c).ShouldBeFalse();

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("ab-12", "AB12")]
    [InlineData("ＡＢ－１２", "AB12")]
    [InlineData("ａｂ　１２", "AB12")]
    [InlineData("①②", "①②")]
    [InlineData("认证-01", "认证01")]
    public void Fold_removes_separators_upper_cases_and_narrows(string? raw, string folded) =>
        IdentifierText.Fold(raw).ShouldBe(folded);

    [Theory]
    [InlineData("\u017F")] // LATIN SMALL LETTER LONG S, upper case 'S'
    [InlineData("\u0131")] // LATIN SMALL LETTER DOTLESS I, upper case 'I' in Turkish
    [InlineData("\u212A")] // KELVIN SIGN, looks like 'K'
    public void Fold_does_not_turn_a_non_ASCII_letter_into_an_ASCII_one(string raw) =>
        IdentifierText.Fold(raw).ShouldNotContain(c => char.IsAscii(c));
}
