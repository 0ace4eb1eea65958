using System.Net;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// Operator endpoints answer only a request made on the machine itself, straight to the site: from a loopback
/// address and without a proxy's forwarding headers (a request through nginx on the same machine carries them).
/// </summary>
internal static class OperatorRequests
{
    public static bool IsFromThisMachine(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Request.Headers;
        return http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP");
    }
}
