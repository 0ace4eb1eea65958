using GraphQL;
using GraphQL.Types;
using Registry.Signing.Payloads;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.GraphQL.Api.Verification;

/// <summary>Query.verify: the verify page's verdict on a scanned code, from <see cref="IVerifier"/>.</summary>
internal static class VerifyField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<VerdictGraphType>>("verify")
            .Description("The verdict on a scanned QR code (a /V/ link or the bare payload), exactly as the verify page gives it.")
            .Argument<NonNullGraphType<StringGraphType>>("payload")
            .WithComplexityImpact(CostLimitRule.LookupImpact)
            .ResolveAsync(async c => await VerifyAsync(c));

    // The same checks as /api/verify, before anything is decoded: nothing given, or more than any code can be.
    private static async Task<object?> VerifyAsync(IResolveFieldContext context)
    {
        var payload = context.GetArgument<string>("payload");
        if (string.IsNullOrEmpty(payload))
        {
            throw new ApiError(ErrorCodes.PayloadRequired, "Nothing to verify: give the scanned text (a /V/ link or the bare payload).");
        }

        if (payload.Length > PayloadLimits.MaxScannedTextLength)
        {
            throw new ApiError(ErrorCodes.PayloadTooLarge, $"A code the registry prints has at most {PayloadLimits.MaxScannedTextLength} characters; this has {payload.Length}.");
        }

        return await context.Service<IVerifier>().VerifyAsync(payload, context.CancellationToken);
    }
}
