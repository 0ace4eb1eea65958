namespace Registry.Signing.Payloads;

public static class NotGenuineReasons
{
    /// <summary>The stable code clients match on; never rename one.</summary>
    public static string Code(this NotGenuineReason reason) => reason switch
    {
        NotGenuineReason.TooLarge => "TOO_LARGE",
        NotGenuineReason.BadUrl => "BAD_URL",
        NotGenuineReason.BadEncoding => "BAD_ENCODING",
        NotGenuineReason.Malformed => "MALFORMED",
        NotGenuineReason.TrailingData => "TRAILING_DATA",
        NotGenuineReason.UnknownKey => "UNKNOWN_KEY",
        NotGenuineReason.RevokedKey => "REVOKED_KEY",
        NotGenuineReason.BadSignature => "BAD_SIGNATURE",
        NotGenuineReason.UnsupportedVersion => "UNSUPPORTED_VERSION",
        NotGenuineReason.KeyNotValidAtSigningTime => "KEY_NOT_VALID_AT_SIGNING_TIME",
        NotGenuineReason.WrongIssuer => "WRONG_ISSUER",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static NotGenuineReason? FromCode(string code)
    {
        foreach (var reason in Enum.GetValues<NotGenuineReason>())
        {
            if (string.Equals(reason.Code(), code, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        return null;
    }
}
