using GraphQL;
using GraphQL.Execution;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// GraphQL.NET's subscription execution, with each event resolved in a service scope of its own: resolvers use
/// scoped services (the DbContext, the batch loaders), and events of one subscription may resolve at the same time.
/// </summary>
public sealed class ScopedSubscriptionExecutionStrategy : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices ?? throw new InvalidOperationException("A subscription runs with request services.");
        await using var scope = services.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            return await base.ProcessDataAsync(context, node, value);
        }
        finally
        {
            context.RequestServices = services;
        }
    }
}
