namespace Registry.Domain;

/// <summary>
/// A broken registry rule. <see cref="Code"/> is stable and machine-readable (it travels to API clients);
/// the message is for people.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Raised when another change to the same certificate won the race.</summary>
public sealed class ConcurrencyConflictException(string message)
    : DomainException(DomainErrorCodes.ConcurrentChange, message);
