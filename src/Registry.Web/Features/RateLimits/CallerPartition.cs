using System.Net;
using System.Net.Sockets;

namespace Registry.Web.Features.RateLimits;

/// <summary>
/// Whom an anonymous request is counted against: its remote address (the proxy's forwarded one, when a proxy is
/// configured), IPv6 addresses per /64, the block one subscriber usually holds, so that cycling through the
/// addresses of that block gains nothing.
/// </summary>
public static class CallerPartition
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
