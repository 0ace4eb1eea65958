namespace Registry.Signing.Payloads;

/// <summary>
/// The text in the QR code: HTTPS://HOST/V/PAYLOAD, all upper case so that the QR alphanumeric mode can hold
/// it (0-9, A-Z, space and $%*+-./: only). Parsing takes that URL in any letter case, or a bare payload;
/// anything else around the payload (query, fragment, more path, another scheme) is refused.
/// </summary>
public static class VerifyUrl
{
    public const string Scheme = "HTTPS://";
    public const string PathPrefix = "/V/";

    public static string Build(string host, ReadOnlySpan<byte> envelope)
    {
        RequireAlphanumericHost(host);
        return Scheme + host.ToUpperInvariant() + PathPrefix + PayloadText.Encode(envelope);
    }

    /// <summary>Extracts the base32 payload from a scanned text.</summary>
    public static bool TryParse(string? scanned, string? expectedHost, out string payload, out Rejection rejection)
    {
        payload = string.Empty;
        if (string.IsNullOrEmpty(scanned))
        {
            rejection = new Rejection(NotGenuineReason.BadEncoding, "Nothing was scanned.");
            return false;
        }

        if (scanned.Length > PayloadLimits.MaxScannedTextLength)
        {
            rejection = new Rejection(NotGenuineReason.TooLarge,
                $"The scanned text has {scanned.Length} characters; a genuine code has at most {PayloadLimits.MaxScannedTextLength}.");
            return false;
        }

        var schemeEnd = scanned.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            payload = scanned;
            rejection = default;
            return true;
        }

        if (!scanned.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(out rejection, "Registry codes are https:// links; this one uses another scheme.");
        }

        var hostEnd = scanned.IndexOf('/', Scheme.Length);
        if (hostEnd < 0 || string.Compare(scanned, hostEnd, PathPrefix, 0, PathPrefix.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return Fail(out rejection, "The link is not a registry verify link (…/V/<payload>).");
        }

        var host = scanned[Scheme.Length..hostEnd];
        if (expectedHost is not null && !string.Equals(host, expectedHost, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(out rejection, $"The link points to {host}, not to the registry at {expectedHost}.");
        }

        payload = scanned[(hostEnd + PathPrefix.Length)..];
        if (payload.AsSpan().IndexOfAny('/', '?', '#') >= 0)
        {
            payload = string.Empty;
            return Fail(out rejection, "Something follows the payload in the link (more path, a query or a fragment).");
        }

        rejection = default;
        return true;
    }

    private static void RequireAlphanumericHost(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or ':'))
            {
                throw new ArgumentException($"'{host}' cannot be written in QR alphanumeric mode (letters, digits, '.', '-', ':').", nameof(host));
            }
        }
    }

    private static bool Fail(out Rejection rejection, string message)
    {
        rejection = new Rejection(NotGenuineReason.BadUrl, message);
        return false;
    }
}
