namespace Registry.Domain.Identifiers;

/// <summary>
/// A certificate number as the body printed it, plus the folded form every look-up compares.
/// Bodies choose their own formats, so the rule is deliberately loose: after folding, 6 to 40 characters
/// of A–Z and 0–9.
/// </summary>
public sealed record CertificateNumber
{
    public const int MaxInputLength = 80;
    public const int MinNormalizedLength = 6;
    public const int MaxNormalizedLength = 40;

    private CertificateNumber(string display, string normalized)
    {
        Display = display;
        Normalized = normalized;
    }

    public string Display { get; }

    public string Normalized { get; }

    public static CertificateNumber Parse(string? raw) =>
        TryParse(raw, out var number, out var error) ? number : throw new DomainException(DomainErrorCodes.MalformedCertificateNumber, error);

    public static bool TryParse(string? raw, out CertificateNumber number, out string error)
    {
        number = null!;
        if (!TryNormalize(raw, out var normalized, out error))
        {
            return false;
        }

        number = new CertificateNumber(DisplayForm(raw!), normalized);
        return true;
    }

    /// <summary>Folds a typed number; fails with a human-readable reason when it cannot be a number at all.</summary>
    public static bool TryNormalize(string? raw, out string normalized, out string error)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = "A certificate number is required.";
            return false;
        }

        if (raw.Length > MaxInputLength)
        {
            error = $"A certificate number has at most {MaxInputLength} characters.";
            return false;
        }

        var folded = IdentifierText.Fold(raw);
        foreach (var c in folded)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                error = "A certificate number contains only letters, digits and separators.";
                return false;
            }
        }

        if (folded.Length is < MinNormalizedLength or > MaxNormalizedLength)
        {
            error = $"A certificate number has {MinNormalizedLength} to {MaxNormalizedLength} letters and digits.";
            return false;
        }

        normalized = folded;
        error = string.Empty;
        return true;
    }

    public override string ToString() => Display;

    // Keep the body's separators but not a typist's full-width forms or stray spaces at the ends.
    private static string DisplayForm(string raw)
    {
        var chars = raw.Where(c => !IdentifierText.IsInvisible(c))
            .Select(IdentifierText.ToHalfWidth)
            .Select(IdentifierText.ToAsciiUpper)
            .ToArray();
        return new string(chars).Trim();
    }
}
