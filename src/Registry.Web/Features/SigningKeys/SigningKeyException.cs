namespace Registry.Web.Features.SigningKeys;

public enum SigningKeyError
{
    /// <summary>No certification body has the given code (or id).</summary>
    UnknownBody,

    /// <summary>No signing key has the given key id.</summary>
    UnknownKey,

    /// <summary>No certificate has the given id.</summary>
    UnknownCertificate,

    /// <summary>The change is not allowed in the key's or body's present state (e.g. revoking a revoked key).</summary>
    Refused,

    /// <summary>Another change to the same keys won a race; trying again sees its result.</summary>
    Conflict,
}

/// <summary>A key operation that did not happen, with a message an operator can act on. Never carries key material.</summary>
public sealed class SigningKeyException : Exception
{
    public SigningKeyException()
    {
    }

    public SigningKeyException(string message)
        : base(message)
    {
    }

    public SigningKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SigningKeyException(SigningKeyError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public SigningKeyError Error { get; } = SigningKeyError.Refused;
}
