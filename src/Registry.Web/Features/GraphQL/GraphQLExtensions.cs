using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Registry.Web.Features.GraphQL.Api;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;
using Registry.Web.Features.GraphQL.Loaders;
using Registry.Web.Features.GraphQL.Transport;
using Registry.Web.Features.GraphQL.Transport.WebSockets;

namespace Registry.Web.Features.GraphQL;

/// <summary>The GraphQL API at /graphql: the schema (GraphQL.NET), its limits, and the HTTP endpoint (see README.md).</summary>
public static class GraphQLExtensions
{
    public const string Path = "/graphql";

    public static IHostApplicationBuilder AddGraphQLApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLApiOptions>().BindConfiguration(GraphQLApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<RegistrySchema>()
            .AddGraphTypes(typeof(RegistrySchema).Assembly)
            // Chinese names go out as they are, not as \uXXXX escapes. The relaxed encoder also leaves quotes and
            // angle brackets alone, which is safe because answers are JSON served with nosniff, never HTML.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<RegistryErrorInfoProvider>()
            .AddValidationRule(services => new CostLimitRule(services.GetRequiredService<IOptions<GraphQLApiOptions>>().Value), useForCachedDocuments: true)
            // Resolvers share the request's DbContext, which runs one query at a time; batching comes from the loaders instead.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            // Each delivered change resolves in a scope of its own, so no two share a DbContext.
            .AddExecutionStrategy<ScopedSubscriptionExecutionStrategy>(OperationType.Subscription)
            .AddUnhandledExceptionHandler(context =>
                context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLExtensions))
                    .LogError(context.OriginalException, "GraphQL field failed: {Message}", context.OriginalException.Message)));
        // The schema's String is the registry's (the text rule on every string argument): GraphQL.NET takes a
        // built-in scalar's replacement from the container.
        builder.Services.AddSingleton<StringGraphType, CheckedStringGraphType>();
        builder.Services.AddScoped<RegistryLoaders>();
        builder.Services.AddScoped<QueryMoment>();
        builder.Services.AddScoped<Bilingual>();
        builder.Services.AddSingleton<ValidatedDocuments>();
        builder.Services.AddSingleton<IConfigureExecution>(services => services.GetRequiredService<ValidatedDocuments>());
        builder.Services.AddSingleton<PersistedQueries>();
        builder.Services.AddSingleton<RequestReader>();
        builder.Services.AddSingleton<GraphQLResponses>();
        builder.Services.AddSingleton<GraphQLEndpoint>();
        builder.Services.AddSingleton<TransportWsEndpoint>();
        builder.Services.AddRateLimiter(AnonymousRateLimit.Configure);
        return builder;
    }

    public static WebApplication MapGraphQLApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The rate limiter itself runs once for the whole site, after authentication (UseApiKeys).
        // WebSocket upgrades at /graphql carry graphql-transport-ws (Transport/WebSockets); keep-alive is set per connection.
        app.UseWebSockets();
        // Every method reaches the endpoint, so that the wrong one gets a GraphQL answer with a code (405), not a bare page.
        app.Map(Path, (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http))
            .RequireRateLimiting(AnonymousRateLimit.Policy)
            .CacheOutput(PageCache.PageCachePolicies.GraphQL);
        return app;
    }
}
