using GraphQL;
using GraphQL.Types;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>The one shape every mutation field has: one <c>input</c> object in, one payload out.</summary>
internal static class MutationField
{
    // The payload is nullable so that a GraphQL error (no key, malformed input) nulls only its own field.
    public static void Add<TInput, TPayload, TResult>(ObjectGraphType mutation, string name, string description, Func<IResolveFieldContext, Task<TResult>> resolve)
        where TInput : InputObjectGraphType
        where TPayload : IGraphType =>
        mutation.Field<TPayload>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .ResolveAsync(async c => await resolve(c));
}
