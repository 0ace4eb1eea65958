using Registry.Domain;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Api.Scalars;

/// <summary>
/// An instant, written as RFC 3339 with its offset (2026-03-05T10:00:00+08:00 or …Z). An instant without an
/// offset would mean different moments on different servers, so it is refused with
/// <see cref="ErrorCodes.InvalidDateTime"/>. Instants go out in UTC.
/// </summary>
public sealed class InstantGraphType : StrictStringScalarGraphType<DateTimeOffset>
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public InstantGraphType()
    {
        Name = "DateTime";
        Description = "An instant in RFC 3339 form with an offset, e.g. 2026-03-05T10:00:00+08:00; answers are given in UTC.";
    }

    protected override DateTimeOffset Parse(string text)
    {
        // RFC 3339 requires the 'T', seconds and an offset; DateTimeOffset.TryParse alone would take far more.
        var shaped = text.Length is >= 20 and <= 40 && text[10] is 'T' or 't'
            && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
        if (!shaped || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new InvalidScalarException(ErrorCodes.InvalidDateTime,
                $"A DateTime is written like 2026-03-05T10:00:00+08:00 (with an offset); “{Quoted(text)}” is not one.");
        }

        return QueryDates.Contains(instant) ? instant : throw new InvalidScalarException(DomainErrorCodes.DateOutOfRange, QueryDates.OutOfRange("A DateTime"));
    }

    protected override string Write(DateTimeOffset value) => value.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture);

    protected override InvalidScalarException NotAString() =>
        new(ErrorCodes.InvalidDateTime, "A DateTime is given as a string, written like 2026-03-05T10:00:00+08:00, with an offset.");
}
