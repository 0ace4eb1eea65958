using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>The server's graphql-transport-ws messages, written onto the connection's pump.</summary>
public sealed class TransportWsReplies(TransportWsPump pump, IGraphQLTextSerializer serializer)
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void ConnectionAck() => pump.Send(Envelope(TransportWsProtocol.ConnectionAck, null, null));

    public void Pong() => pump.Send(Envelope(TransportWsProtocol.Pong, null, null));

    public void Next(string id, ExecutionResult result) => pump.Send(Envelope(TransportWsProtocol.Next, id, serializer.Serialize(result)));

    // An error message carries the errors alone (the protocol's GraphQLError[]), in the API's own format.
    public void Error(string id, ExecutionResult result)
    {
        using var written = JsonDocument.Parse(serializer.Serialize(result));
        var errors = written.RootElement.TryGetProperty("errors", out var list) ? list.GetRawText() : "[]";
        pump.Send(Envelope(TransportWsProtocol.Error, id, errors));
    }

    public void Complete(string id) => pump.Send(Envelope(TransportWsProtocol.Complete, id, null));

    private static string Envelope(string type, string? id, string? payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
