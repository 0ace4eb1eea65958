namespace Registry.Web.Features.Publishing.Rows;

/// <summary>
/// Turns a row's text fields into the command of its operation. Only typing is checked here (dates, numbers,
/// lengths, fields the operation does not take); every registry rule is left to the domain, so a row and a
/// GraphQL mutation are refused with the same codes.
/// </summary>
public static class RowParser
{
    public static (object? Command, PublishingError? Error) Parse(string operation, PublishingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Problem is not null)
        {
            return (null, row.Problem);
        }

        // The text rule first: a value that breaks it must not be quoted in any message that follows.
        foreach (var (field, value) in row.Fields)
        {
            if (RowFields.TextProblem(field, value) is { } problem)
            {
                return (null, problem);
            }
        }

        if (!PublishingOperations.CertificateChanges.Contains(operation))
        {
            return Invalid($"'{operation}' is not an operation; use one of {string.Join(", ", PublishingOperations.CertificateChanges)}.");
        }

        var taken = RowFields.For(operation);
        foreach (var (field, value) in row.Fields)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (field != RowFields.Operation && !taken.Contains(field))
            {
                return Invalid($"{field} does not apply to {operation}; leave it empty.");
            }
        }

        try
        {
            return (Build(operation, row), null);
        }
        catch (FormatException e)
        {
            return Invalid(e.Message);
        }
    }

    private static object Build(string operation, PublishingRow row)
    {
        var number = row.Get(RowFields.Number) ?? string.Empty;
        return operation switch
        {
            PublishingOperations.Issue => new IssueCommand(
                number,
                row.Get(RowFields.OrganisationCreditCode) ?? string.Empty,
                row.Get(RowFields.OrganisationNameZh),
                row.Get(RowFields.OrganisationNameEn),
                row.Get(RowFields.OrganisationAddress),
                row.Get(RowFields.Level) ?? string.Empty,
                RequiredDecimal(row, RowFields.TotalScore),
                Decimal(row, RowFields.ServiceSystemScore),
                Decimal(row, RowFields.CommodityServiceScore),
                Decimal(row, RowFields.CustomerServiceScore),
                row.Get(RowFields.ScopeZh) ?? string.Empty,
                row.Get(RowFields.ScopeEn),
                RequiredDate(row, RowFields.IssuedOn),
                Date(row, RowFields.ExpiresOn),
                row.Get(RowFields.Reason),
                row.Get(RowFields.Scheme)),
            PublishingOperations.Renew => new RenewCommand(
                number,
                Version(row),
                RequiredDate(row, RowFields.EffectiveOn),
                Date(row, RowFields.ExpiresOn),
                row.Get(RowFields.Level),
                Decimal(row, RowFields.TotalScore),
                Decimal(row, RowFields.ServiceSystemScore),
                Decimal(row, RowFields.CommodityServiceScore),
                Decimal(row, RowFields.CustomerServiceScore),
                row.Get(RowFields.Reason)),
            PublishingOperations.ChangeScope => new ChangeScopeCommand(
                number, Version(row), RequiredDate(row, RowFields.EffectiveOn), row.Get(RowFields.ScopeZh) ?? string.Empty,
                row.Get(RowFields.ScopeEn), row.Get(RowFields.Reason)),
            PublishingOperations.ChangeLevel => new ChangeLevelCommand(
                number,
                Version(row),
                RequiredDate(row, RowFields.EffectiveOn),
                row.Get(RowFields.Level) ?? string.Empty,
                RequiredDecimal(row, RowFields.TotalScore),
                Decimal(row, RowFields.ServiceSystemScore),
                Decimal(row, RowFields.CommodityServiceScore),
                Decimal(row, RowFields.CustomerServiceScore),
                row.Get(RowFields.Reason)),
            _ => new StatusCommand(number, Version(row), RequiredDate(row, RowFields.EffectiveOn), row.Get(RowFields.Reason) ?? string.Empty),
        };
    }

    private static DateOnly RequiredDate(PublishingRow row, string field) =>
        Date(row, field) ?? throw new FormatException($"{field} is required (a date written yyyy-MM-dd).");

    private static DateOnly? Date(PublishingRow row, string field) =>
        row.Get(field) is not { } text ? null
        : !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? throw new FormatException($"{field} must be a date written yyyy-MM-dd, not '{Clip(text)}'.")
        : !QueryDates.Contains(date) ? throw new FormatException(QueryDates.OutOfRange(field))
        : date;

    private static decimal RequiredDecimal(PublishingRow row, string field) =>
        Decimal(row, field) ?? throw new FormatException($"{field} is required (a number such as 92.5).");

    private static decimal? Decimal(PublishingRow row, string field) =>
        row.Get(field) is not { } text ? null
        : text.Length <= 12 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"{field} must be a number such as 92.5, not '{Clip(text)}'.");

    private static int? Version(PublishingRow row) =>
        row.Get(RowFields.ExpectedVersion) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new FormatException($"{RowFields.ExpectedVersion} must be a whole number (the version you last read), not '{Clip(text)}'.");

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static (object?, PublishingError?) Invalid(string message) => (null, new PublishingError(PublishingErrorCodes.InvalidInput, message));
}
