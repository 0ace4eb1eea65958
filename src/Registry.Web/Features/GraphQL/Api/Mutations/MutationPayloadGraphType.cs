using GraphQL.Types;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>
/// The part every mutation payload shares: <c>replayed</c> and <c>errors</c>. A payload either carries its
/// result and no errors, or no result and exactly one error (a refusal changed nothing).
/// </summary>
public abstract class MutationPayloadGraphType<T> : ObjectGraphType<PublishingResult<T>>
    where T : class
{
    protected MutationPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<BooleanGraphType>>("replayed")
            .Description("True when the idempotency key matched an earlier call: this is that call's result (or refusal) again, and nothing was applied now.")
            .Resolve(c => c.Source.Replayed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorInterfaceGraphType>>>>("errors")
            .Description("Empty when the mutation was applied; otherwise the one reason it was refused.")
            .Resolve(c => c.Source.Error is { } error ? new[] { error } : []);
    }
}
