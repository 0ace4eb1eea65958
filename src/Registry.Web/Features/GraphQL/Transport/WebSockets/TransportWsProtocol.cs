namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// The names and close codes of the graphql-transport-ws protocol
/// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), as the npm graphql-ws client expects them.
/// </summary>
public static class TransportWsProtocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>WebSocket's own codes for a message over the size limit, and for a client too slow to read what it asked for.</summary>
    public const int MessageTooBig = 1009;
    public const int PolicyViolation = 1008;
    public const int NormalClosure = 1000;
}
