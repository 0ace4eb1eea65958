using GraphQL;
using GraphQL.Types;
using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Features.GraphQL.Api.StatusChanges;

/// <summary>
/// Subscription.certificateStatusChanged: this instance's status feed (every instance receives every change
/// through Redis), filtered per subscriber.
/// </summary>
internal static class StatusChangedField
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<CertificateStatusChangeGraphType>>("certificateStatusChanged")
            .Description("Every change published from now on (issue, suspension, withdrawal, renewal, …); the arguments narrow it, and all given must match.")
            .Argument<StringGraphType>("body", a => a.Description = "A certification body's code (any case).")
            .Argument<StringGraphType>("organisation", a => a.Description = "The holder's unified social credit code, typed any way (check character verified).")
            .Argument<StringGraphType>("certificate", a => a.Description = "A certificate number, typed any way (full-width, lower case, any separators).")
            .ResolveStream(Subscribe);

    private static IObservable<object?> Subscribe(IResolveFieldContext<object?> context)
    {
        var feed = context.Service<StatusChangeFeed>();
        if (!feed.IsAvailable)
        {
            throw new ApiError(ErrorCodes.SubscriptionsUnavailable, "Subscriptions are off on this server (no status feed is configured).");
        }

        var body = context.GetArgument<string?>("body") is { } typedBody ? IdentifierText.Fold(typedBody) : null;
        string? organisation = null;
        if (context.GetArgument<string?>("organisation") is { } typedCode)
        {
            organisation = CreditCode.TryParse(typedCode, out var code, out var failure) ? code.Value : throw new ApiError(failure.Code, failure.Message);
        }

        string? certificate = null;
        if (context.GetArgument<string?>("certificate") is { } typedNumber)
        {
            certificate = CertificateNumber.TryNormalize(typedNumber, out var normalized, out var problem)
                ? normalized
                : throw new ApiError(DomainErrorCodes.MalformedCertificateNumber, problem);
        }

        return feed.Changes(change =>
            (body is null || change.BodyCode == body)
            && (organisation is null || change.OrganisationCreditCode == organisation)
            && (certificate is null || change.NormalizedNumber == certificate));
    }
}
