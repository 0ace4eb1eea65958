using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Registry.Web.Features.Site;

namespace Registry.Web.Tests.Site;

/// <summary>Which peers may say where a request came from (the forwarded-headers middleware as the site configures it).</summary>
public sealed class ReverseProxyTests
{
    [Theory]
    [InlineData("192.0.2.10", null, null, "192.0.2.10")]
    [InlineData("192.0.2.10", "192.0.2.10", null, "203.0.113.7")]
    [InlineData("10.4.0.2", null, "10.4.0.0/16", "203.0.113.7")]
    [InlineData("10.5.0.2", null, "10.4.0.0/16", "10.5.0.2")]
    [InlineData("127.0.0.1", null, null, "127.0.0.1")]
    [InlineData("::1", null, null, "::1")]
    [InlineData("127.0.0.1", "127.0.0.1", null, "203.0.113.7")]
    public async Task Only_a_configured_proxy_may_name_the_client_and_loopback_is_not_one_unless_configured(string peer, string? proxy, string? network, string seen)
    {
        var settings = new Dictionary<string, string?>();
        if (proxy is not null)
        {
            settings["ReverseProxies:Addresses:0"] = proxy;
        }

        if (network is not null)
        {
            settings["ReverseProxies:Networks:0"] = network;
        }

        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";

        await Middleware(settings).Invoke(context);

        context.Connection.RemoteIpAddress!.ToString().ShouldBe(seen);
    }

    [Theory]
    [InlineData("ReverseProxies:Addresses:0", "proxy.internal", "ReverseProxies:Addresses:0 is not an IP address")]
    [InlineData("ReverseProxies:Networks:0", "10.0.0.0/33", "ReverseProxies:Networks:0 is not a network in CIDR form")]
    public void A_setting_that_is_not_an_address_stops_the_start_with_its_name(string key, string value, string message)
    {
        var options = new ForwardedHeadersOptions();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Should.Throw<InvalidOperationException>(() => ReverseProxies.Configure(options, configuration)).Message.ShouldStartWith(message);
    }

    private static Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware Middleware(Dictionary<string, string?> settings)
    {
        var options = new ForwardedHeadersOptions();
        ReverseProxies.Configure(options, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return new Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware(_ => Task.CompletedTask,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Options.Create(options));
    }
}
