using GraphQL;
using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>
/// A mutation's <c>input</c> object as the engine coerced it (dates are already <see cref="DateOnly"/>, so a bad
/// date never gets here), with the checks of form every transport makes before a command exists: lengths,
/// number and credit code syntax, the idempotency key. A failed check is a GraphQL error with a stable code,
/// audited as a refusal; registry rules are left to <see cref="PublishingCommands"/>, whose refusals are the
/// payload's typed errors.
/// </summary>
public sealed class MutationInput
{
    private readonly Dictionary<string, object?> _fields;

    private MutationInput(Dictionary<string, object?> fields)
    {
        _fields = fields;
    }

    public static MutationInput Of(IResolveFieldContext context) =>
        new(context.GetArgument<Dictionary<string, object?>>("input") ?? []);

    public string? IdempotencyKey => Text("idempotencyKey");

    public string? Text(string field) => _fields.GetValueOrDefault(field) as string;

    public string RequiredText(string field) => Text(field) ?? string.Empty;

    public DateOnly Date(string field) => OptionalDate(field) ?? throw new ApiError(ErrorCodes.InvalidDate, $"{field} is required (a Date, yyyy-MM-dd).");

    public DateOnly? OptionalDate(string field) => _fields.GetValueOrDefault(field) as DateOnly?;

    public int? WholeNumber(string field) => _fields.GetValueOrDefault(field) as int?;

    public decimal Score(string field) => OptionalScore(field)
        ?? throw new ApiError(PublishingErrorCodes.InvalidInput, $"{field} is required (a number such as 92.5).");

    /// <summary>Scores travel as Float, like the scores the API answers with; a score has at most a few decimals, which a double holds exactly enough.</summary>
    public decimal? OptionalScore(string field) => _fields.GetValueOrDefault(field) switch
    {
        null => null,
        double d when double.IsFinite(d) && Math.Abs(d) < 1_000_000 => (decimal)d,
        int i => i,
        decimal m => m,
        _ => throw new ApiError(PublishingErrorCodes.InvalidInput, $"{field} must be a number such as 92.5."),
    };

    public object? Raw(string field) => _fields.GetValueOrDefault(field);

    /// <summary>
    /// The checks of form, before anything runs. <paramref name="numberField"/> and <paramref name="creditCodeField"/>
    /// name the fields that must parse as a certificate number and a credit code, when given.
    /// </summary>
    public PublishingError? Problem(string? numberField = "number", string? creditCodeField = null)
    {
        foreach (var (field, value) in _fields)
        {
            if (value is string text && RowFields.TextProblem(RowFields.FromJsonName(field) ?? field, text, field) is { } problem)
            {
                return problem;
            }
        }

        if (IdempotencyKey is { } key && !IdempotencyKeys.IsValid(key))
        {
            return new PublishingError(PublishingErrorCodes.IdempotencyKeyInvalid,
                $"An idempotency key has 1 to {IdempotencyKeys.MaxLength} printable ASCII characters without spaces.");
        }

        if (WholeNumber("expectedVersion") is < 1)
        {
            return new PublishingError(PublishingErrorCodes.InvalidInput, "expectedVersion is a certificate's version as the API gave it: 1 or more.");
        }

        if (numberField is not null && !CertificateNumber.TryNormalize(RequiredText(numberField), out _, out var why))
        {
            return new PublishingError(DomainErrorCodes.MalformedCertificateNumber, why);
        }

        if (creditCodeField is not null && !CreditCode.TryParse(RequiredText(creditCodeField), out _, out var failure))
        {
            return new PublishingError(failure.Code, failure.Message);
        }

        return null;
    }
}
