using GraphQL.Types;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Api;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>
/// The typed errors of mutation payloads: one interface, <c>MutationError { code message }</c>, and one object
/// type per kind of refusal. The kinds are the ones the REST API already answers with distinct HTTP statuses
/// (<see cref="PublishingHttp.StatusFor"/>), so a code means the same thing on both transports and a client can
/// branch on the type without knowing every code, while <c>code</c> stays the exact, stable reason.
/// </summary>
public sealed class MutationErrorInterfaceGraphType : InterfaceGraphType<PublishingError>
{
    public MutationErrorInterfaceGraphType()
    {
        Name = "MutationError";
        Description = "Why the registry refused a mutation; nothing was changed. code is stable (e.g. NOT_YOUR_CERTIFICATE, OUTDATED_VERSION, LEVEL_SCORE_MISMATCH).";
        Field(e => e.Code).Description("The stable error code: match on this.");
        Field(e => e.Message).Description("A sentence for people; may change.");
    }
}

/// <summary>The kinds of refusal, each with its object type name.</summary>
public enum MutationErrorKind
{
    InvalidInput,
    NotAuthorised,
    NotFound,
    Conflict,
    RuleViolation,
}

public static class MutationErrorKinds
{
    public static MutationErrorKind Of(string code) => PublishingHttp.StatusFor(code) switch
    {
        StatusCodes.Status400BadRequest => MutationErrorKind.InvalidInput,
        StatusCodes.Status403Forbidden => MutationErrorKind.NotAuthorised,
        StatusCodes.Status404NotFound => MutationErrorKind.NotFound,
        StatusCodes.Status409Conflict => MutationErrorKind.Conflict,
        _ => MutationErrorKind.RuleViolation,
    };
}

/// <summary>One kind of refusal as an object type; it claims the errors whose code is of its kind.</summary>
public abstract class MutationErrorGraphType : ObjectGraphType<PublishingError>
{
    protected MutationErrorGraphType(MutationErrorKind kind, string description)
    {
        Name = kind + "Error";
        Description = description;
        Interface<MutationErrorInterfaceGraphType>();
        IsTypeOf = value => value is PublishingError error && MutationErrorKinds.Of(error.Code) == kind;
        Field(e => e.Code);
        Field(e => e.Message);
    }
}

public sealed class InvalidInputErrorGraphType() : MutationErrorGraphType(MutationErrorKind.InvalidInput,
    "A value is malformed or out of range (in a bulk row: INVALID_INPUT, FIELD_TOO_LONG, MALFORMED_CERTIFICATE_NUMBER, …).");

public sealed class NotAuthorisedErrorGraphType() : MutationErrorGraphType(MutationErrorKind.NotAuthorised,
    "The certificate or signing key belongs to another body (NOT_YOUR_CERTIFICATE, NOT_YOUR_SIGNING_KEY). Only the code and a sentence are given, nothing of the other body's data.");

public sealed class NotFoundErrorGraphType() : MutationErrorGraphType(MutationErrorKind.NotFound,
    "No such certificate or signing key (CERTIFICATE_NOT_FOUND, UNKNOWN_SIGNING_KEY).");

public sealed class ConflictErrorGraphType : MutationErrorGraphType
{
    public ConflictErrorGraphType()
        : base(MutationErrorKind.Conflict,
            "The registry changed under the request, or the request clashes with an earlier one (OUTDATED_VERSION, CONCURRENT_CHANGE, IDEMPOTENCY_KEY_REUSED, DUPLICATE_CERTIFICATE_NUMBER).")
    {
        Field<NonNullGraphType<BooleanGraphType>>("retryable")
            .Description("True for CONCURRENT_CHANGE: another change won a race, and the same request (with the same idempotency key) may be sent again. Otherwise reload and decide again.")
            .Resolve(c => c.Source.Code == Registry.Domain.DomainErrorCodes.ConcurrentChange);
    }
}

public sealed class RuleViolationErrorGraphType() : MutationErrorGraphType(MutationErrorKind.RuleViolation,
    "A registry rule forbids the change (CERTIFICATE_WITHDRAWN, LEVEL_SCORE_MISMATCH, EFFECTIVE_DATE_IN_FUTURE, …).");

public static class MutationErrorTypes
{
    /// <summary>The error object types are reached only through the interface, so the schema is told about them here.</summary>
    public static void RegisterIn(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.RegisterType(typeof(InvalidInputErrorGraphType));
        schema.RegisterType(typeof(NotAuthorisedErrorGraphType));
        schema.RegisterType(typeof(NotFoundErrorGraphType));
        schema.RegisterType(typeof(ConflictErrorGraphType));
        schema.RegisterType(typeof(RuleViolationErrorGraphType));
    }
}
