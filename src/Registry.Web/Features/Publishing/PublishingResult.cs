using System.Diagnostics.CodeAnalysis;

namespace Registry.Web.Features.Publishing;

/// <summary>Why an operation was refused: a stable code (see <see cref="PublishingErrorCodes"/> and the domain's) and a sentence.</summary>
public sealed record PublishingError(string Code, string Message);

/// <summary>
/// The outcome of one publishing operation: either <see cref="Value"/> or <see cref="Error"/>. A refused
/// operation changed nothing. <see cref="Replayed"/> is true when an idempotency key matched an earlier
/// call and this is that call's result again.
/// </summary>
public sealed record PublishingResult<T>(T? Value, PublishingError? Error, bool Replayed = false)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}

public static class PublishingResult
{
    public static PublishingResult<T> Success<T>(T value)
        where T : class => new(value, null);

    public static PublishingResult<T> Failure<T>(string code, string message)
        where T : class => new(null, new PublishingError(code, message));
}
