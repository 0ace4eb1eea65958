namespace Registry.Domain.Certificates;

internal static class Text
{
    public static string Required(string? value, string what, int maxLength, string code = DomainErrorCodes.NameRequired)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(code, $"The {what} is required.");
        }

        return Limited(value, what, maxLength)!;
    }

    public static string? Optional(string? value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Limited(value, what, maxLength);

    private static string? Limited(string value, string what, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException(DomainErrorCodes.TextTooLong, $"The {what} has at most {maxLength} characters.");
        }

        return trimmed;
    }
}
