using GraphQL.Types;
using GraphQLParser.AST;
using Registry.Domain.Text;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Api.Scalars;

/// <summary>
/// The schema's String, in place of the built-in one: every string argument and variable passes the registry's
/// text rule (<see cref="InputText"/>), so that a NUL or an unpaired surrogate written as a GraphQL escape
/// (<c>"\u0000"</c>, <c>"\uD800"</c>) is refused with <c>INVALID_TEXT</c> before anything runs. Tab and line
/// breaks pass here (reasons and scopes hold them); the fields that hold one line refuse them where they are read.
/// Output is the built-in String's. Registered in the container as StringGraphType (<see cref="GraphQLExtensions"/>).
/// </summary>
public sealed class CheckedStringGraphType : StringGraphType
{
    public CheckedStringGraphType()
    {
        Name = "String";
    }

    public override object? ParseLiteral(GraphQLValue value) => Checked(base.ParseLiteral(value));

    public override object? ParseValue(object? value) => Checked(base.ParseValue(value));

    private static object? Checked(object? value) =>
        value is string text && InputText.Check(text, "A string argument", TextShape.MultiLine) is { } refusal
            ? throw new InvalidScalarException(InputText.InvalidTextCode, refusal.Message)
            : value;
}
