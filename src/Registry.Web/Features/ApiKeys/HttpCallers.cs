using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.ApiKeys;

/// <summary>The caller a transport hands to <see cref="PublishingCommands"/>, from the authenticated request.</summary>
public static class HttpCallers
{
    /// <summary>The body and key behind the request, or null when no valid API key authenticated it.</summary>
    public static PublishingCaller? PublishingCaller(this HttpContext context)
    {
        var user = context.User;
        if (ApiKeyClaims.KeyIdOf(user) is not { } keyId
            || !long.TryParse(user.FindFirst(ApiKeyClaims.BodyId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var bodyId)
            || user.FindFirst(ApiKeyClaims.BodyCode)?.Value is not { } bodyCode)
        {
            return null;
        }

        return new PublishingCaller(bodyId, bodyCode, keyId, context.Connection.RemoteIpAddress?.ToString());
    }
}
