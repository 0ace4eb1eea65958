using System.Net.Http.Headers;

namespace Registry.Web.Tests.TestSupport;

/// <summary>What the endpoint answered: status, media type, and the body as JSON.</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, string? MediaType, string Body, HttpResponseMessage Response)
{
    public JsonElement Json { get; } = Body.Length > 0 && Body.TrimStart().StartsWith('{') ? JsonDocument.Parse(Body).RootElement : default;

    public JsonElement Data => Json.GetProperty("data");

    public bool HasData => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("data", out _);

    /// <summary>Every error's extensions.code, in order; an error without one shows as "(none)".</summary>
    public IReadOnlyList<string> Codes => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString()! : "(none)")]
        : [];

    public override string ToString() => $"{(int)Status} {MediaType}: {Body}";
}

/// <summary>Sends GraphQL-over-HTTP requests the way clients do, and raw ones the way clients should not.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public HttpClient Http => http;

    public Task<GraphQLAnswer> PostAsync(string query, object? variables = null, string? accept = GraphQLResponseJson, string? operationName = null) =>
        PostJsonAsync(JsonSerializer.Serialize(new { query, variables, operationName }), accept);

    public Task<GraphQLAnswer> PostJsonAsync(string json, string? accept = GraphQLResponseJson, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)) }, accept);

    public Task<GraphQLAnswer> GetAsync(string query, object? variables = null, string? accept = GraphQLResponseJson)
    {
        var path = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? string.Empty : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, path), accept);
    }

    public async Task<GraphQLAnswer> SendAsync(HttpRequestMessage request, string? accept = GraphQLResponseJson)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }
}
