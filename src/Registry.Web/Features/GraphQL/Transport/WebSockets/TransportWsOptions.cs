using System.ComponentModel.DataAnnotations;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>Limits of a graphql-transport-ws connection, bound from "GraphQL:WebSocket" (see the GraphQL README).</summary>
public sealed class TransportWsOptions
{
    /// <summary>How long a new connection may take to send connection_init before it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    [Range(1, 1000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Largest message a client may send; larger ones close the connection with 1009.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Messages waiting for a slow client; past this the connection is closed (1008) rather than buffered without end.</summary>
    [Range(1, 100_000)]
    public int MaxPendingMessages { get; set; } = 1000;

    /// <summary>WebSocket-level ping frames, so idle connections through proxies stay open and dead ones are noticed.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);
}
