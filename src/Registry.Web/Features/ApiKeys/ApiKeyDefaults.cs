namespace Registry.Web.Features.ApiKeys;

/// <summary>Names other features use to protect their endpoints with API keys.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme: <c>Authorization: Bearer srk_…</c>.</summary>
    public const string AuthenticationScheme = "ApiKey";

    /// <summary>Authorization policy: an authenticated certification body (any accepted key).</summary>
    public const string CertificationBodyPolicy = "CertificationBody";

    /// <summary>Rate-limiting policy: a token bucket per key id (per address for calls without a valid key).</summary>
    public const string RateLimitPolicy = "PerApiKey";

    /// <summary>Stable codes in the 401 and 429 problem details.</summary>
    public const string KeyRequiredCode = "API_KEY_REQUIRED";
    public const string KeyInvalidCode = "API_KEY_INVALID";
    public const string RateLimitedCode = "RATE_LIMITED";
}
