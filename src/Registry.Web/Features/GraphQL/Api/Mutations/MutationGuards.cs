using GraphQL;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Rows;
namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>Input that fails a check of form: audited as a refusal, then a GraphQL error with the check's code; nothing is applied.</summary>
internal static class MutationGuards
{
    public static async Task RefuseMalformedAsync(IResolveFieldContext context, PublishingCommands commands, PublishingCaller caller, string operation,
        MutationInput input, PublishingError? problem)
    {
        if (problem is null)
        {
            return;
        }

        await commands.RefuseAsync(caller, operation, input.Text("number"), problem, input.IdempotencyKey, bulk: null, context.CancellationToken);
        throw new ApiError(problem.Code, problem.Message);
    }
}
