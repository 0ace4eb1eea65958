using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.Net.Http.Headers;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Input;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Reads a GraphQL-over-HTTP request: a POST body of application/json (UTF-8), or GET query parameters.
/// The body is read only up to the size limit, so an oversized or endless body costs no more than the limit.
/// </summary>
public sealed class RequestReader(IGraphQLTextSerializer serializer)
{
    public async Task<(GraphQLHttpRequest? Request, TransportProblem? Problem)> ReadBodyAsync(HttpRequest http, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!IsJsonUtf8(http.ContentType))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "Send the request as application/json in UTF-8: {\"query\": \"…\", \"variables\": {…}}.");
        }

        if (http.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // At most one byte past the limit is read, so a body without a length cannot make the server buffer it all.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var read = 0;
            int count;
            while (read < maxBytes + 1 && (count = await http.Body.ReadAsync(buffer.AsMemory(read, maxBytes + 1 - read), cancellationToken)) > 0)
            {
                read += count;
            }

            if (read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            var (request, problem) = Parse(buffer.AsMemory(0, read));
            return (request is null ? null : request with { BodyBytes = read }, problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public (GraphQLHttpRequest? Request, TransportProblem? Problem) ReadQueryString(IQueryCollection query, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var name in new[] { "query", "variables", "operationName", "extensions" })
        {
            if (query[name].Count > 1)
            {
                return Invalid($"The parameter {name} is given more than once.");
            }
        }

        var text = query["query"].ToString();
        var size = query.Sum(p => p.Key.Length + p.Value.Sum(v => Encoding.UTF8.GetByteCount(v ?? string.Empty)));
        if (size > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var variables = ParseObjectParameter(query["variables"].ToString(), "variables", out var variablesProblem);
        if (variablesProblem is not null)
        {
            return (null, variablesProblem);
        }

        var extensions = ParseObjectParameter(query["extensions"].ToString(), "extensions", out var extensionsProblem);
        if (extensionsProblem is not null)
        {
            return (null, extensionsProblem);
        }

        if (text.Length == 0 && !IsPersisted(extensions))
        {
            return Invalid("A query parameter with the GraphQL document is required (or extensions.persistedQuery with its hash).");
        }

        var operationName = query["operationName"].ToString();
        return (new GraphQLHttpRequest(text, variables, operationName.Length == 0 ? null : operationName, extensions), null);
    }

    private (GraphQLHttpRequest? Request, TransportProblem? Problem) Parse(ReadOnlyMemory<byte> body)
    {
        if (JsonText.CheckBody(body.Span) is { } notUtf8)
        {
            return (null, new TransportProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidText, notUtf8.Message));
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Invalid("The body is not valid JSON.");
        }

        using (json)
        {
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? FromJson(json.RootElement)
                : Invalid("The body must be one JSON object with a query member (batched requests are not supported).");
        }
    }

    /// <summary>The request members of a JSON object: an HTTP body, or a graphql-transport-ws subscribe payload.</summary>
    public (GraphQLHttpRequest? Request, TransportProblem? Problem) FromJson(JsonElement body)
    {
        // Every string of the request (the document, each variable, the operation's name) under the registry's text rule.
        if (JsonText.FindProblem(body, string.Empty) is { } refusal)
        {
            return (null, new TransportProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidText, refusal.Message));
        }

        var hasQuery = body.TryGetProperty("query", out var query) && query.ValueKind != JsonValueKind.Null;
        if (hasQuery && (query.ValueKind != JsonValueKind.String || query.GetString() is not { Length: > 0 }))
        {
            return Invalid("The member query must hold the GraphQL document as a non-empty string.");
        }

        var text = hasQuery ? query.GetString()! : string.Empty;

        string? operationName = null;
        if (body.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return Invalid("The member operationName must be a string or null.");
            }

            operationName = name.GetString();
        }

        if (!TryObject(body, "variables", out var variables, out var problem) || !TryObject(body, "extensions", out var extensions, out problem))
        {
            return (null, problem);
        }

        if (text.Length == 0 && !IsPersisted(extensions))
        {
            return Invalid("The member query must hold the GraphQL document as a non-empty string (or extensions.persistedQuery its hash).");
        }

        return (new GraphQLHttpRequest(text, variables, operationName, extensions), null);
    }

    /// <summary>Whether the request names its document by hash (<see cref="PersistedQueries"/>) instead of sending it.</summary>
    private static bool IsPersisted(Inputs? extensions) => extensions?.ContainsKey("persistedQuery") == true;

    private bool TryObject(JsonElement body, string member, out Inputs? value, out TransportProblem? problem)
    {
        value = null;
        problem = null;
        if (!body.TryGetProperty(member, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = Invalid($"The member {member} must be a JSON object or null.").Problem;
            return false;
        }

        value = serializer.ReadNode<Inputs>(element);
        return true;
    }

    private Inputs? ParseObjectParameter(string text, string name, out TransportProblem? problem)
    {
        problem = null;
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return serializer.ReadNode<Inputs>(json.RootElement);
            }
        }
        catch (JsonException)
        {
            // Reported below, like any other shape that is not an object.
        }

        problem = Invalid($"The parameter {name} must be a JSON object.").Problem;
        return null;
    }

    private static bool IsJsonUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(ResponseFormats.Json, StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static (GraphQLHttpRequest? Request, TransportProblem? Problem) Invalid(string message) =>
        (null, new TransportProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message));

    private static (GraphQLHttpRequest? Request, TransportProblem? Problem) TooLarge(int maxBytes) =>
        (null, new TransportProblem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
            $"A request to this endpoint may hold at most {maxBytes / 1024} KB."));

    private static (GraphQLHttpRequest? Request, TransportProblem? Problem) Fail(int status, string code, string message) =>
        (null, new TransportProblem(status, code, message));
}
