using Registry.Domain.Identifiers;

namespace Registry.Web.Features.Search.Querying;

public enum QueryKind
{
    /// <summary>No text: filters alone, or nothing asked yet.</summary>
    Browse,
    CreditCode,
    /// <summary>Text that folds to the shape of a certificate number (it may also be part of a name).</summary>
    NumberOrName,
    Name,
}

/// <summary>What the typed text was taken to be; never Lucene syntax, always plain words.</summary>
public sealed record QueryInterpretation(QueryKind Kind, string Text, string? CreditCode, string? Number)
{
    public static QueryInterpretation Of(string cleanText)
    {
        if (cleanText.Length == 0)
        {
            return new(QueryKind.Browse, cleanText, null, null);
        }

        var identifier = IdentifierCandidate(cleanText);
        if (Registry.Domain.Identifiers.CreditCode.TryParse(identifier, out var code, out _))
        {
            return new(QueryKind.CreditCode, cleanText, code.Value, null);
        }

        var folded = IdentifierText.Fold(identifier);
        var looksLikeNumber = folded.Length >= 3 && folded.Length <= CertificateNumber.MaxNormalizedLength
            && folded.All(char.IsAsciiLetterOrDigit) && folded.Any(char.IsAsciiDigit);
        return looksLikeNumber
            ? new(QueryKind.NumberOrName, cleanText, null, folded)
            : new(QueryKind.Name, cleanText, null, null);
    }

    /// <summary>
    /// The text an identifier is looked for in: without the quotes, brackets and full stops people paste
    /// around a number or a code (“SC-2024/0012”, 「91370200…」, SC-2024/0012。), which are never part of one.
    /// </summary>
    public static string IdentifierCandidate(string cleanText)
    {
        var start = 0;
        var end = cleanText.Length;
        while (start < end && IsWrapping(cleanText[start]))
        {
            start++;
        }

        while (end > start && IsWrapping(cleanText[end - 1]))
        {
            end--;
        }

        return cleanText[start..end];
    }

    private static bool IsWrapping(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
