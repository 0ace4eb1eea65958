using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// An instant, written as RFC 3339 with its offset (2026-03-05T10:00:00+08:00 or …Z). An instant without an
/// offset would mean different moments on different servers, so it is refused with
/// <see cref="ErrorCodes.InvalidDateTime"/>. Instants go out in UTC.
/// </summary>
public sealed class InstantGraphType : ScalarGraphType
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public InstantGraphType()
    {
        Name = "DateTime";
        Description = "An instant in RFC 3339 form with an offset, e.g. 2026-03-05T10:00:00+08:00; answers are given in UTC.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => throw NotAString(),
    };

    // Every literal passes the spec's "argument of correct type" check, so that one that is no DateTime reaches
    // ParseLiteral and is refused there with our own code rather than the check's generic one.
    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant,
        string text => Parse(text),
        _ => throw NotAString(),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static DateTimeOffset Parse(string text)
    {
        // RFC 3339 requires the 'T', seconds and an offset; DateTimeOffset.TryParse alone would take far more.
        var shaped = text.Length is >= 20 and <= 40 && text[10] is 'T' or 't'
            && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
        return shaped && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw Invalid(text.Length > 40 ? text[..40] + "…" : text);
    }

    private static InvalidScalarException Invalid(string what) =>
        new(ErrorCodes.InvalidDateTime, $"A DateTime is written like 2026-03-05T10:00:00+08:00 (with an offset); “{what}” is not one.");

    private static InvalidScalarException NotAString() =>
        new(ErrorCodes.InvalidDateTime, "A DateTime is given as a string, written like 2026-03-05T10:00:00+08:00, with an offset.");
}
