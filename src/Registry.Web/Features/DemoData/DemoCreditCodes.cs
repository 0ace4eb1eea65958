using Registry.Domain.Identifiers;

namespace Registry.Web.Features.DemoData;

/// <summary>
/// Builds fictional but well-formed unified social credit codes (GB 32100): <c>9</c> (registered with
/// industry and commerce) + <c>1</c> (enterprise) + the division code + a nine-character organisation code
/// + the check character. The organisation code follows GB 11714 too: eight characters and their own check
/// character, either eight digits (companies registered before 2015) or the newer <c>MA</c> series.
/// Uniqueness is guaranteed, not hoped for: the eight characters are a bijection of a running counter
/// (an affine permutation whose constants come from the seed), and the two series cannot overlap.
/// </summary>
internal sealed class DemoCreditCodes
{
    // GB 32100's alphabet without I, O, S, V, Z; the MA series draws from its letters and digits.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const long DigitSpace = 100_000_000;          // 10^8 eight-digit bodies
    private const long LetterSpace = 887_503_681;         // 31^6 bodies after "MA"
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly long _digitMultiplier;
    private readonly long _digitOffset;
    private readonly long _letterMultiplier;
    private readonly long _letterOffset;

    public DemoCreditCodes(int seed)
    {
        var random = new Random(seed);
        _digitMultiplier = CoprimeTo10(random.NextInt64(1_000_001, DigitSpace));
        _digitOffset = random.NextInt64(DigitSpace);
        _letterMultiplier = CoprimeTo31(random.NextInt64(1_000_001, LetterSpace));
        _letterOffset = random.NextInt64(LetterSpace);
    }

    /// <summary>
    /// The code for the <paramref name="index"/>-th organisation (0-based). Distinct indexes always give
    /// distinct codes, whatever the divisions.
    /// </summary>
    public CreditCode Create(string divisionCode, long index, bool newSeries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A division code has six digits.", nameof(divisionCode));
        }

        var organisationBody = newSeries ? LetterSeries(index) : DigitSeries(index);
        Span<char> first17 = stackalloc char[17];
        first17[0] = '9';
        first17[1] = '1';
        divisionCode.AsSpan().CopyTo(first17[2..]);
        organisationBody.AsSpan().CopyTo(first17[8..]);
        first17[16] = OrganisationCheckCharacter(organisationBody);
        var check = CreditCode.CheckCharacter(first17);
        return CreditCode.Parse(string.Concat(first17, [check]));
    }

    /// <summary>The ninth character of a GB 11714 organisation code over its first eight.</summary>
    public static char OrganisationCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("Exactly 8 characters are needed.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException($"'{c}' cannot appear in an organisation code.", nameof(first8));
            sum += value * OrganisationWeights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    private string DigitSeries(long index)
    {
        if (index >= DigitSpace)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The digit series holds 10^8 codes.");
        }

        var permuted = Permute(index, _digitMultiplier, _digitOffset, DigitSpace);
        return permuted.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private string LetterSeries(long index)
    {
        if (index >= LetterSpace)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "The MA series holds 31^6 codes.");
        }

        var permuted = Permute(index, _letterMultiplier, _letterOffset, LetterSpace);
        Span<char> body = stackalloc char[8];
        body[0] = 'M';
        body[1] = 'A';
        for (var i = 7; i >= 2; i--)
        {
            body[i] = Alphabet[(int)(permuted % 31)];
            permuted /= 31;
        }

        return new string(body);
    }

    // (index × multiplier + offset) mod space is a bijection on [0, space) when the multiplier is coprime
    // to the space; 128-bit arithmetic keeps the product exact.
    private static long Permute(long index, long multiplier, long offset, long space) =>
        (long)((((Int128)index * multiplier) + offset) % space);

    private static long CoprimeTo10(long candidate)
    {
        while (candidate % 2 == 0 || candidate % 5 == 0)
        {
            candidate++;
        }

        return candidate;
    }

    private static long CoprimeTo31(long candidate)
    {
        while (candidate % 31 == 0)
        {
            candidate++;
        }

        return candidate;
    }
}
