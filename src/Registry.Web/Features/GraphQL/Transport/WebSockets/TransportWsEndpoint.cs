using System.Net.WebSockets;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// A WebSocket upgrade at /graphql: accepted with the graphql-transport-ws subprotocol, or accepted and closed with
/// 4406 when the client does not offer it (as graphql-ws servers do), so that the client learns why.
/// </summary>
public sealed class TransportWsEndpoint(
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    RequestReader reader,
    IOptions<GraphQLApiOptions> options,
    ILogger<TransportWsEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limits = options.Value.WebSocket;
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(TransportWsProtocol.SubProtocol))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            try
            {
                // Only the close frame: the client need not answer it for this request to end.
                await refused.CloseOutputAsync((WebSocketCloseStatus)TransportWsProtocol.SubprotocolNotAcceptable,
                    $"Subprotocol not acceptable: use {TransportWsProtocol.SubProtocol}", http.RequestAborted);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client left first.
            }

            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = TransportWsProtocol.SubProtocol,
            KeepAliveInterval = limits.KeepAliveInterval,
        });
        using var session = new TransportWsSession(socket, http, executer, serializer, reader, limits, logger);
        await session.RunAsync();
    }
}
