using GraphQL.Validation;

namespace Registry.Web.Features.GraphQL.Errors;

/// <summary>A document refused before it runs because it would cost too much (see <see cref="Limits.CostLimitRule"/>).</summary>
public sealed class LimitError : ValidationError
{
    public LimitError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
