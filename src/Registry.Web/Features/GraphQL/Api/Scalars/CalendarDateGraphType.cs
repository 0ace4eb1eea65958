using Registry.Domain;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Api.Scalars;

/// <summary>
/// A calendar date as the registry dates everything (China Standard Time), written yyyy-MM-dd. Anything else,
/// including a real date written another way, is refused with <see cref="ErrorCodes.InvalidDate"/>; a date outside
/// <see cref="QueryDates"/> with <c>DATE_OUT_OF_RANGE</c>.
/// </summary>
public sealed class CalendarDateGraphType : StrictStringScalarGraphType<DateOnly>
{
    private const string Format = "yyyy-MM-dd";

    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date in China Standard Time, written yyyy-MM-dd (e.g. 2026-03-05).";
    }

    protected override DateOnly Parse(string text) =>
        text.Length != Format.Length || !DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? throw new InvalidScalarException(ErrorCodes.InvalidDate, $"A Date is written yyyy-MM-dd, e.g. 2026-03-05; “{Quoted(text)}” is not one.")
            : !QueryDates.Contains(date) ? throw new InvalidScalarException(DomainErrorCodes.DateOutOfRange, QueryDates.OutOfRange("A Date"))
            : date;

    protected override string Write(DateOnly value) => value.ToString(Format, CultureInfo.InvariantCulture);

    protected override InvalidScalarException NotAString() =>
        new(ErrorCodes.InvalidDate, "A Date is given as a string, written yyyy-MM-dd, e.g. 2026-03-05.");
}
