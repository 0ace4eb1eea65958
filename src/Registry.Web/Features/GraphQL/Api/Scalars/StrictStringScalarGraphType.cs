using GraphQL.Types;
using GraphQLParser.AST;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Api.Scalars;

/// <summary>
/// A scalar written as a string in exactly one form. Every literal passes the spec's "argument of correct
/// type" check, so that one in another form reaches <see cref="Parse"/> and is refused there with the
/// scalar's own error code rather than the check's generic one.
/// </summary>
public abstract class StrictStringScalarGraphType<T> : ScalarGraphType
    where T : struct
{
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => throw NotAString(),
    };

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        T typed => typed,
        string text => Parse(text),
        _ => throw NotAString(),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        T typed => Write(typed),
        _ => ThrowSerializationError(value),
    };

    /// <summary>The value, or an <see cref="InvalidScalarException"/> with the scalar's code.</summary>
    protected abstract T Parse(string text);

    protected abstract string Write(T value);

    protected abstract InvalidScalarException NotAString();

    /// <summary>What an error message quotes of a refused text: at most 40 characters.</summary>
    protected static string Quoted(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
