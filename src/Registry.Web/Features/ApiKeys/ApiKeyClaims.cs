using System.Security.Claims;

namespace Registry.Web.Features.ApiKeys;

/// <summary>
/// What an authenticated API key's principal carries. Transports (REST, GraphQL) read these to build the
/// caller they hand to the publishing service; nothing else about the key is in the principal.
/// </summary>
public static class ApiKeyClaims
{
    /// <summary>The certification body's database id (a decimal integer).</summary>
    public const string BodyId = "registry:body_id";

    /// <summary>The certification body's registry code, e.g. DEMO01.</summary>
    public const string BodyCode = "registry:body_code";

    /// <summary>The key's public id (16 characters); also the principal's name and the rate-limit partition.</summary>
    public const string KeyId = "registry:api_key_id";

    public static ClaimsPrincipal Principal(long bodyId, string bodyCode, string keyId, string scheme)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(BodyId, bodyId.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
                new Claim(BodyCode, bodyCode),
                new Claim(KeyId, keyId),
                new Claim(ClaimTypes.Name, keyId),
            ],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The key id of an authenticated API-key principal, or null for anyone else.</summary>
    public static string? KeyIdOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } ? user.FindFirst(KeyId)?.Value : null;
}
