namespace Registry.Web.Features.Input;

/// <summary>
/// Reads a request body or an uploaded part whole, but never more than a limit: a sender that lies about the
/// length (or gives none) is stopped one buffer past it, rather than making the server hold everything it sends.
/// </summary>
public static class CappedBody
{
    /// <summary>The whole stream, or null as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var copy = new MemoryStream();
        var buffer = new byte[Math.Min(81920, maxBytes + 1)];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
