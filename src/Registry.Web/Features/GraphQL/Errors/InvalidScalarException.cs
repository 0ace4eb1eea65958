namespace Registry.Web.Features.GraphQL.Errors;

/// <summary>
/// A scalar value that cannot be what its type says (a date that is no date). The engine wraps it in its own
/// validation or variable error; <see cref="RegistryErrorInfoProvider"/> finds it there and reports its code.
/// </summary>
public sealed class InvalidScalarException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
