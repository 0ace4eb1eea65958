using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.StatusChanges;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>The public subscriptions, over the graphql-transport-ws protocol at /graphql.</summary>
public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";
        StatusChangedField.AddTo(this);
    }
}
