using GraphQL;
using Registry.Web.Features.GraphQL.Loaders;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>Request-scoped services for resolvers: graph types are singletons, so they never hold these themselves.</summary>
public static class ResolveContextServices
{
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    public static RegistryLoaders Loaders(this IResolveFieldContext context) => context.Service<RegistryLoaders>();

    public static QueryMoment Moment(this IResolveFieldContext context) => context.Service<QueryMoment>();
}
