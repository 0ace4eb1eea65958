using Registry.Domain.Geography;

namespace Registry.Domain.Identifiers;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character
/// over the first 17, positions 3–8 the administrative division where the organisation registered.
/// </summary>
public sealed record CreditCode
{
    public const int Length = 18;

    // GB 32100 alphabet: digits, then upper-case letters without I, O, Z, S and V.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The six-digit administrative division code (positions 3–8).</summary>
    public string DivisionCode => Value.Substring(2, 6);

    public Province? Province => Provinces.FromDivisionCode(DivisionCode);

    public static CreditCode Parse(string? raw) =>
        TryParse(raw, out var code, out var failure) ? code : throw new DomainException(failure.Code, failure.Message);

    /// <summary>Whether folded text has a credit code's shape (length, alphabet, division digits), whatever its check character.</summary>
    public static bool HasShape(string folded) =>
        folded is { Length: Length } && folded.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && folded.AsSpan(2, 6).ContainsOnlyDigits();

    public static bool TryParse(string? raw, out CreditCode code, out (string Code, string Message) failure)
    {
        code = null!;
        var folded = raw is { Length: <= 64 } ? IdentifierText.Fold(raw) : string.Empty;
        if (folded.Length != Length)
        {
            failure = (DomainErrorCodes.MalformedCreditCode, "A unified social credit code has 18 characters.");
            return false;
        }

        foreach (var c in folded)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                failure = (DomainErrorCodes.MalformedCreditCode,
                    $"'{c}' cannot appear in a unified social credit code (allowed: 0-9 and A-Y without I, O, S, V, Z).");
                return false;
            }
        }

        if (!folded.AsSpan(2, 6).ContainsOnlyDigits())
        {
            failure = (DomainErrorCodes.MalformedCreditCode, "Positions 3 to 8 of a credit code are a six-digit division code.");
            return false;
        }

        if (CheckCharacter(folded.AsSpan(0, 17)) != folded[17])
        {
            failure = (DomainErrorCodes.CreditCodeCheckFailed,
                "The check character does not match: the credit code was mistyped or is not genuine.");
            return false;
        }

        code = new CreditCode(folded);
        failure = default;
        return true;
    }

    /// <summary>Computes the 18th character for 17 leading characters of the GB 32100 alphabet.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    public override string ToString() => Value;
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
