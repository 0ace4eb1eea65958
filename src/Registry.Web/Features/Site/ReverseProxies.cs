using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Registry.Web.Features.Site;

/// <summary>
/// Behind a reverse proxy every request arrives from the proxy's address, so the audit log would record the
/// proxy and the anonymous rate limit would put every caller in one bucket. X-Forwarded-For and -Proto are
/// honoured only from the proxies named in configuration, never from anyone else, who could otherwise pick the
/// address the registry records for them and the rate limit counts. ASP.NET Core's default of trusting loopback is
/// cleared: on a machine where the site listens without a proxy, every local process would be believed too.
/// </summary>
public static class ReverseProxies
{
    public const string Section = "ReverseProxies";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Only the address the nearest trusted proxy saw: entries further left are whatever the client wrote.
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var (key, value) in Values(configuration, "Addresses"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:Addresses:{key} is not an IP address: '{value}'."));
        }

        foreach (var (key, value) in Values(configuration, "Networks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:Networks:{key} is not a network in CIDR form (such as 10.0.0.0/8): '{value}'."));
        }

        // With both lists empty the middleware would believe anyone: no proxy configured means no forwarded header read.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }

    private static IEnumerable<(string Key, string Value)> Values(IConfiguration configuration, string name) =>
        configuration.GetSection(Section).GetSection(name).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => (c.Key, c.Value!.Trim()));
}
