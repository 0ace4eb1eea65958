using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// A calendar date as the registry dates everything (China Standard Time), written yyyy-MM-dd. Anything else,
/// including a real date written another way, is refused with <see cref="ErrorCodes.InvalidDate"/>.
/// </summary>
public sealed class CalendarDateGraphType : ScalarGraphType
{
    private const string Format = "yyyy-MM-dd";

    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date in China Standard Time, written yyyy-MM-dd (e.g. 2026-03-05).";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => throw NotAString(),
    };

    // Every literal passes the spec's "argument of correct type" check, so that one that is no Date reaches
    // ParseLiteral and is refused there with our own code rather than the check's generic one.
    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string text => Parse(text),
        _ => throw NotAString(),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static DateOnly Parse(string text) =>
        text.Length == Format.Length && DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid(text.Length > 40 ? text[..40] + "…" : text);

    private static InvalidScalarException Invalid(string what) =>
        new(ErrorCodes.InvalidDate, $"A Date is written yyyy-MM-dd, e.g. 2026-03-05; “{what}” is not one.");

    private static InvalidScalarException NotAString() =>
        new(ErrorCodes.InvalidDate, "A Date is given as a string, written yyyy-MM-dd, e.g. 2026-03-05.");
}
