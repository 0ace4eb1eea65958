namespace Registry.Signing.Keys;

/// <summary>A JWKS document that this format cannot trust: one bad entry rejects the whole document.</summary>
public sealed class JwksFormatException : Exception
{
    public JwksFormatException()
    {
    }

    public JwksFormatException(string message)
        : base(message)
    {
    }

    public JwksFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
