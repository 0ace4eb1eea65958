using GraphQL;
using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Api.Scalars;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// The registry's one schema. Query is the public read side; the publishing API adds its Mutation and
/// Subscription root types beside it here, resolved from the container the same way.
/// </summary>
public sealed class RegistrySchema : Schema
{
    public RegistrySchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        MutationErrorTypes.RegisterIn(this);
        Subscription = services.GetRequiredService<SubscriptionGraphType>();
        Description = "Star Registry: GB/T 27922 after-sales service certificates, their status on any date, and QR verification.";

        // Dates and instants have one scalar each, so that no field can slip into the library's other date types.
        this.RegisterTypeMapping<DateOnly, CalendarDateGraphType>();
        this.RegisterTypeMapping<DateTimeOffset, InstantGraphType>();
    }
}
