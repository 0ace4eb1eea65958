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

        if (Registry.Domain.Identifiers.CreditCode.TryParse(cleanText, out var code, out _))
        {
            return new(QueryKind.CreditCode, cleanText, code.Value, null);
        }

        var folded = IdentifierText.Fold(cleanText);
        var looksLikeNumber = folded.Length >= 3 && folded.Length <= CertificateNumber.MaxNormalizedLength
            && folded.All(char.IsAsciiLetterOrDigit) && folded.Any(char.IsAsciiDigit);
        return looksLikeNumber
            ? new(QueryKind.NumberOrName, cleanText, null, folded)
            : new(QueryKind.Name, cleanText, null, null);
    }
}
