using GraphQL;

namespace Registry.Web.Features.GraphQL.Errors;

/// <summary>An error this API raises on purpose: its code is one of ours and its message is written for the caller.</summary>
public sealed class ApiError : ExecutionError
{
    public ApiError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
