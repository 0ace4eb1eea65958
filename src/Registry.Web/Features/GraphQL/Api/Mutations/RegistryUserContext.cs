using GraphQL;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>
/// What the transport knows about the caller, handed to resolvers through <c>ExecutionOptions.UserContext</c>:
/// the body and API key behind the request, or null when it has no valid key. A transport that does not set
/// it (any new one) leaves every mutation unauthenticated, which is the safe default.
/// </summary>
public sealed class RegistryUserContext : Dictionary<string, object?>
{
    public RegistryUserContext(PublishingCaller? caller)
    {
        Caller = caller;
    }

    public PublishingCaller? Caller { get; }
}

public static class MutationCallers
{
    /// <summary>The authenticated body, or an UNAUTHENTICATED error for this field.</summary>
    public static PublishingCaller RequireCaller(this IResolveFieldContext context) =>
        (context.UserContext as RegistryUserContext)?.Caller
        ?? throw new ApiError(ErrorCodes.Unauthenticated,
            "This needs a certification body's API key: send it as Authorization: Bearer srk_….");
}
