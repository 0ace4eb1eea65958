namespace Registry.Web.Features.ApiKeys;

public enum ApiKeyError
{
    UnknownBody,
    UnknownKey,

    /// <summary>Not allowed as asked (an expiry in the past, a label too long, revoking a revoked key).</summary>
    Refused,
}

/// <summary>An operator's key command that did not happen, with a message saying why. Never carries a secret.</summary>
public sealed class ApiKeyException : Exception
{
    public ApiKeyException()
    {
    }

    public ApiKeyException(string message)
        : base(message)
    {
    }

    public ApiKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiKeyException(ApiKeyError error, string message)
        : base(message)
    {
        Error = error;
    }

    public ApiKeyError Error { get; } = ApiKeyError.Refused;
}
