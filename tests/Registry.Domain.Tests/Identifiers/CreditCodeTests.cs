using Registry.Domain.Identifiers;

namespace Registry.Domain.Tests.Identifiers;

public class CreditCodeTests
{
    private const string Malformed = "MALFORMED_CREDIT_CODE";
    private const string CheckFailed = "CREDIT_CODE_CHECK_FAILED";
    private const string Huawei = "914403001922038216";

    public static TheoryData<string> RealCodes => RealCreditCodes.VerifiedData();

    [Fact]
    public void The_independent_check_uses_the_weights_published_in_GB_32100()
    {
        Gb32100.Weights.ShouldBe([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
        Gb32100.Alphabet.ShouldBe("0123456789ABCDEFGHJKLMNPQRTUWXY");
    }

    [Fact]
    public void All_ten_published_codes_pass_the_independent_check()
    {
        var failing = RealCreditCodes.Published.Where(p => !Gb32100.IsValid(p.Code)).Select(p => p.Holder);

        failing.ShouldBeEmpty();
        RealCreditCodes.Verified.Count.ShouldBe(10);
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void A_published_code_is_accepted(string real)
    {
        var code = CreditCode.Parse(real);

        code.Value.ShouldBe(real);
        code.ToString().ShouldBe(real);
        code.DivisionCode.ShouldBe(real.Substring(2, 6));
        CreditCode.TryParse(real, out var parsed, out var failure).ShouldBeTrue();
        parsed.ShouldBe(code);
        failure.Code.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void CheckCharacter_agrees_with_the_independent_implementation(string real) =>
        CreditCode.CheckCharacter(real.AsSpan(0, 17)).ShouldBe(Gb32100.Check(real[..17]));

    [Fact]
    public void Codes_completed_by_the_independent_implementation_are_accepted()
    {
        // The published codes all have zeros in some positions (e.g. position 5), so also use generated
        // codes in which every position carries a variety of values, letters included.
        foreach (var first17 in GeneratedFirst17(1000))
        {
            var code = Gb32100.Complete(first17);

            CreditCode.CheckCharacter(first17.AsSpan()).ShouldBe(code[17], first17);
            CreditCode.TryParse(code, out var parsed, out var failure).ShouldBeTrue($"{code}: {failure.Message}");
            parsed.Value.ShouldBe(code);
        }
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void Every_single_character_substitution_is_refused(string real)
    {
        var checkedCount = 0;
        for (var position = 0; position < 18; position++)
        {
            foreach (var replacement in Gb32100.Alphabet.Where(c => c != real[position]))
            {
                var altered = Replace(real, position, replacement);

                // The claim itself, checked with the independent implementation: all weights are non-zero
                // modulo the prime 31, so no single substitution can keep the sum.
                Gb32100.IsValid(altered).ShouldBeFalse($"{altered} should fail the GB 32100 check");

                var expected = position is >= 2 and <= 7 && !char.IsAsciiDigit(replacement) ? Malformed : CheckFailed;
                CreditCode.TryParse(altered, out _, out var failure).ShouldBeFalse(altered);
                failure.Code.ShouldBe(expected, altered);
                checkedCount++;
            }
        }

        checkedCount.ShouldBe(18 * 30);
    }

    [Theory]
    [MemberData(nameof(RealCodes))]
    public void Transposing_two_adjacent_different_characters_is_refused(string real)
    {
        for (var position = 0; position < 17; position++)
        {
            if (real[position] == real[position + 1])
            {
                continue;
            }

            var swapped = Swap(real, position);
            var letterInDivision = swapped.Substring(2, 6).Any(c => !char.IsAsciiDigit(c));

            // Among the first 17 positions adjacent weights differ modulo 31, so a swap always changes the sum;
            // swapping positions 17 and 18 changes the check character itself and is caught unless by coincidence.
            Gb32100.IsValid(swapped).ShouldBeFalse($"{swapped} should fail the GB 32100 check");

            CreditCode.TryParse(swapped, out _, out var failure).ShouldBeFalse(swapped);
            failure.Code.ShouldBe(letterInDivision ? Malformed : CheckFailed, swapped);
        }
    }

    [Fact]
    public void Adjacent_weights_differ_so_swaps_in_the_first_17_positions_always_change_the_sum()
    {
        for (var i = 0; i < 16; i++)
        {
            ((Gb32100.Weights[i] - Gb32100.Weights[i + 1]) % 31).ShouldNotBe(0);
        }
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    [InlineData('i')]
    [InlineData('o')]
    [InlineData('z')]
    [InlineData('华')]
    [InlineData('①')]
    [InlineData('#')]
    public void A_character_outside_the_alphabet_is_malformed(char outsider)
    {
        foreach (var position in new[] { 0, 1, 9, 16, 17 })
        {
            var altered = Replace(Huawei, position, outsider);

            Should.Throw<DomainException>(() => CreditCode.Parse(altered)).Code.ShouldBe(Malformed, altered);
        }
    }

    [Fact]
    public void Lower_case_letters_are_folded_to_upper_case()
    {
        CreditCode.Parse("91440300708461136t").Value.ShouldBe("91440300708461136T");
        CreditCode.Parse("91330100799655058b").Value.ShouldBe("91330100799655058B");
    }

    [Fact]
    public void Chinese_text_around_or_inside_a_code_is_malformed()
    {
        ((Action)(() => CreditCode.Parse("华为" + Huawei))).ShouldBeRefusedWith(Malformed);
        ((Action)(() => CreditCode.Parse("9144030019220382一六"))).ShouldBeRefusedWith(Malformed);
    }

    [Fact]
    public void A_letter_in_the_division_code_is_malformed_even_with_a_matching_check_character()
    {
        var withLetter = Gb32100.Complete("91A40300192203821");

        Gb32100.IsValid(withLetter).ShouldBeTrue();
        ((Action)(() => CreditCode.Parse(withLetter))).ShouldBeRefusedWith(Malformed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("91440300192203821")]
    [InlineData("9144030019220382166")]
    [InlineData("91440300192203821600")]
    [InlineData("9")]
    public void A_code_that_is_not_18_characters_long_is_malformed(string? raw)
    {
        CreditCode.TryParse(raw, out var code, out var failure).ShouldBeFalse();
        code.ShouldBeNull();
        failure.Code.ShouldBe(Malformed);
        ((Action)(() => CreditCode.Parse(raw))).ShouldBeRefusedWith(Malformed);
    }

    [Fact]
    public void A_very_long_input_is_malformed_even_if_it_is_mostly_separators()
    {
        var padded = Huawei + new string(' ', 100);

        ((Action)(() => CreditCode.Parse(padded))).ShouldBeRefusedWith(Malformed);
    }

    [Theory]
    [InlineData("９１４４０３００１９２２０３８２１６")]
    [InlineData("9144 0300 1922 0382 16")]
    [InlineData("914403-001922-038216")]
    [InlineData("  914403001922038216  ")]
    [InlineData("914403\u3000001922\u3000038216")]
    [InlineData("91\u2014440300\u2013192203821\u00B76")]
    [InlineData("\uFEFF914403001922038216\u200B")]
    [InlineData("９１４４０３ ００１９２２－０３８２１６")]
    public void Full_width_spaced_and_dashed_typing_gives_the_same_code(string typed)
    {
        var code = CreditCode.Parse(typed);

        code.Value.ShouldBe(Huawei);
        code.ShouldBe(CreditCode.Parse(Huawei));
    }

    [Fact]
    public void Full_width_lower_case_typing_of_a_code_with_a_letter_is_folded()
    {
        CreditCode.Parse("９１４４０３００７０８４６１１３６ｔ").Value.ShouldBe("91440300708461136T");
    }

    [Theory]
    [InlineData("914403001922038216", "440300", "44", "广东省", "Guangdong")]
    [InlineData("91440300708461136T", "440300", "44", "广东省", "Guangdong")]
    [InlineData("91110108558521630L", "110108", "11", "北京市", "Beijing")]
    [InlineData("911100007109250324", "110000", "11", "北京市", "Beijing")]
    [InlineData("91330100799655058B", "330100", "33", "浙江省", "Zhejiang")]
    [InlineData("91370200264574251E", "370200", "37", "山东省", "Shandong")]
    public void The_province_follows_from_the_division_code(string raw, string division, string provinceCode, string nameZh, string nameEn)
    {
        var code = CreditCode.Parse(raw);

        code.DivisionCode.ShouldBe(division);
        var province = code.Province.ShouldNotBeNull();
        province.Code.ShouldBe(provinceCode);
        province.NameZh.ShouldBe(nameZh);
        province.NameEn.ShouldBe(nameEn);
    }

    [Theory]
    [InlineData("91990000MA5DEMXX1")]
    [InlineData("91000000MA5DEMXX1")]
    [InlineData("91200000MA5DEMXX1")]
    public void A_valid_code_whose_division_prefix_is_no_province_has_no_province(string first17)
    {
        var code = CreditCode.Parse(Gb32100.Complete(first17));

        code.Province.ShouldBeNull();
    }

    [Fact]
    public void CheckCharacter_needs_exactly_17_characters_of_the_alphabet()
    {
        Should.Throw<ArgumentException>(() => CreditCode.CheckCharacter("9144030019220382".AsSpan()));
        Should.Throw<ArgumentException>(() => CreditCode.CheckCharacter("I1440300192203821".AsSpan()));
    }

    private static IEnumerable<string> GeneratedFirst17(int count)
    {
        var alphabet = Gb32100.Alphabet;
        for (var i = 1; i <= count; i++)
        {
            var chars = new char[17];
            for (var j = 0; j < 17; j++)
            {
                var n = (i * 7) + (j * 13) + (i * j * 5);
                chars[j] = j is >= 2 and <= 7 ? (char)('0' + (n % 10)) : alphabet[n % alphabet.Length];
            }

            yield return new string(chars);
        }
    }

    private static string Replace(string code, int position, char replacement)
    {
        var chars = code.ToCharArray();
        chars[position] = replacement;
        return new string(chars);
    }

    private static string Swap(string code, int position)
    {
        var chars = code.ToCharArray();
        (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
        return new string(chars);
    }

    [Theory]
    [InlineData("91370200163562681G", true)]
    [InlineData("91370200163562681H", true)]
    [InlineData("SVCDEMO12202200300", false)]
    [InlineData("9137020016356268", false)]
    [InlineData("91AB0200163562681G", false)]
    public void The_shape_of_a_credit_code_is_told_apart_from_its_check(string folded, bool shaped)
    {
        CreditCode.HasShape(folded).ShouldBe(shaped);
    }
}
