using Registry.Domain.Certificates;

namespace Registry.Web.Tests.GraphQL.Mutations;

/// <summary>
/// A certification body with an API key, sending GraphQL mutations over HTTP to the real site (real signing
/// keys, real PostgreSQL), the same site the REST publishing tests use.
/// </summary>
public sealed class GraphQLBody(PublishingApiClient rest, GraphQLClient client)
{
    /// <summary>What the tests read back from every certificate mutation.</summary>
    public const string CertificateSelection =
        "change { number normalizedNumber version status level totalScore scopeZh expiresOn event { sequence kind effectiveOn reason } } certificate { number version status history { kind } }";

    public PublishingApiClient Rest { get; } = rest;

    public GraphQLClient Client { get; } = client;

    public CertificationBody Body => Rest.Body;

    public static async Task<GraphQLBody> ForNewBodyAsync(RegistryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var rest = await PublishingApiClient.ForNewBodyAsync(database);
        return new GraphQLBody(rest, new GraphQLClient(PublishingApiClient.WithKey(database.Site.CreateClient(), rest.Token)));
    }

    /// <summary>A client of the same site sending <paramref name="token"/> (or none).</summary>
    public static GraphQLClient ClientWith(RegistryDatabase database, string? token) =>
        new(PublishingApiClient.WithKey(database.Site.CreateClient(), token));

    public static string Document(string field, string inputType, string selection = CertificateSelection) =>
        $"mutation Publish($input: {inputType}!) {{ {field}(input: $input) {{ replayed errors {{ __typename code message ... on ConflictError {{ retryable }} }} {selection} }} }}";

    public Task<GraphQLAnswer> MutateAsync(string field, string inputType, object input, string selection = CertificateSelection) =>
        Client.PostAsync(Document(field, inputType, selection), new { input });

    /// <summary>The payload of an answer that ran: 200, no GraphQL errors.</summary>
    public static JsonElement Payload(GraphQLAnswer answer, string field)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ((int)answer.Status).ShouldBe(200, answer.ToString());
        answer.Codes.ShouldBeEmpty(answer.ToString());
        return answer.Data.GetProperty(field);
    }

    /// <summary>The payload of an applied mutation: no errors, and its change.</summary>
    public static JsonElement Applied(GraphQLAnswer answer, string field)
    {
        var payload = Payload(answer, field);
        payload.GetProperty("errors").GetArrayLength().ShouldBe(0, answer.ToString());
        return payload;
    }

    /// <summary>The one typed error of a refused mutation: (type name, code).</summary>
    public static (string Type, string Code) Refused(GraphQLAnswer answer, string field)
    {
        var payload = Payload(answer, field);
        var errors = payload.GetProperty("errors");
        errors.GetArrayLength().ShouldBe(1, answer.ToString());
        foreach (var result in payload.EnumerateObject().Where(p => p.Name is not ("replayed" or "errors")))
        {
            result.Value.ValueKind.ShouldBe(JsonValueKind.Null, $"{result.Name} of a refusal: {answer}");
        }

        var error = errors[0];
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        return (error.GetProperty("__typename").GetString()!, error.GetProperty("code").GetString()!);
    }

    /// <summary>Issues a good four-star certificate (30 days ago) through GraphQL; returns its change.</summary>
    public async Task<JsonElement> IssueAsync(string? number = null, string? idempotencyKey = null)
    {
        var answer = await MutateAsync("issueCertificate", "IssueCertificateInput", IssueInput(number, idempotencyKey));
        return Applied(answer, "issueCertificate").GetProperty("change");
    }

    public static Dictionary<string, object?> IssueInput(string? number = null, string? idempotencyKey = null)
    {
        var fields = PublishingApiClient.IssueFields(number ?? $"GQM-{TestRegistry.UniqueSuffix()}");
        if (idempotencyKey is not null)
        {
            fields["idempotencyKey"] = idempotencyKey;
        }

        return fields;
    }
}
