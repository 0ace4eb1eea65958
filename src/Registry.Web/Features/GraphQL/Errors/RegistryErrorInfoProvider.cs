using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Registry.Domain;

namespace Registry.Web.Features.GraphQL.Errors;

/// <summary>
/// Gives every error one stable <c>extensions.code</c> from <see cref="ErrorCodes"/> (or a domain or search code),
/// whatever part of the engine raised it, and never lets a stack trace or an exception's own text out unless
/// the error was meant for the caller. For spec validation errors the engine's own rule name travels as
/// <c>extensions.rule</c>, as a hint; only <c>code</c> is promised to stay.
/// </summary>
public sealed class RegistryErrorInfoProvider : IErrorInfoProvider
{
    public const string InternalMessage = "The server could not complete this part of the request. The problem has been logged.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var (code, message) = Classify(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (code == ErrorCodes.ValidationFailed && executionError.Code is { } rule)
        {
            extensions["rule"] = rule;
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    public static string CodeOf(ExecutionError error) => Classify(error).Code;

    private static (string Code, string Message) Classify(ExecutionError error)
    {
        switch (error)
        {
            case ApiError:
                return (error.Code!, error.Message);
            case SyntaxError:
                return (ErrorCodes.ParseFailed, error.Message);
            case UnhandledError { InnerException: DomainException domain }:
                return (domain.Code, domain.Message);
            case UnhandledError { InnerException: var inner } when DatabaseFaults.IsUnavailable(inner):
                return (ErrorCodes.ServiceUnavailable, "The registry's database cannot be reached right now; try again in a few seconds.");
            case UnhandledError { InnerException: Publishing.CommitOutcomeUnknownException }:
                return (Publishing.PublishingErrorCodes.OutcomeUnknown,
                    "The connection to the database failed while the change was committing, so the registry cannot tell whether it was applied; send it again with the same idempotencyKey.");
            case UnhandledError:
                return (ErrorCodes.InternalError, InternalMessage);
            case TimeoutError:
                return (ErrorCodes.Timeout, error.Message);
        }

        if (FindScalarProblem(error) is { } scalar)
        {
            return (scalar.Code, error.Message.Contains(scalar.Message, StringComparison.Ordinal) ? error.Message : $"{error.Message} {scalar.Message}");
        }

        return error switch
        {
            LimitError limit => (limit.Code!, limit.Message),
            InvalidVariableError => (ErrorCodes.InvalidVariableValue, error.Message),
            ValidationError => (ErrorCodes.ValidationFailed, error.Message),
            InvalidOperationError => (ErrorCodes.OperationNotSupported, error.Message),
            NoOperationError or NoOperationNameError or InvalidOperationNameError => (ErrorCodes.OperationNotFound, error.Message),
            DocumentError => (ErrorCodes.InvalidRequest, error.Message),
            _ => (ErrorCodes.ExecutionFailed, error.Message),
        };
    }

    private static InvalidScalarException? FindScalarProblem(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is InvalidScalarException scalar)
            {
                return scalar;
            }
        }

        return null;
    }
}
