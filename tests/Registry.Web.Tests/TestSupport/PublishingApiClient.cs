using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Domain.Certificates;
using Registry.Domain.Time;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.TestSupport;

/// <summary>A certification body with an API key, and an HTTP client of the running site that sends it.</summary>
public sealed class PublishingApiClient(CertificationBody body, string token, string keyId, HttpClient http)
{
    public CertificationBody Body { get; } = body;

    public string Token { get; } = token;

    public string KeyId { get; } = keyId;

    public HttpClient Http { get; } = http;

    public static string Today => Day(RegistryCalendar.Today(TimeProvider.System));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new body with a new key, talking to the shared test site.</summary>
    public static async Task<PublishingApiClient> ForNewBodyAsync(RegistryDatabase database)
    {
        var body = await new TestRegistry(database).AddBodyAsync();
        var created = await CreateKeyAsync(database, body.Code);
        return new PublishingApiClient(body, created.Token, created.Key.KeyId, WithKey(database.Site.CreateClient(), created.Token));
    }

    public static async Task<CreatedApiKey> CreateKeyAsync(RegistryDatabase database, string bodyCode, DateOnly? expiresOn = null, TimeProvider? clock = null)
    {
        await using var db = database.CreateContext();
        return await new ApiKeyStore(db, clock ?? TimeProvider.System, NullLogger<ApiKeyStore>.Instance)
            .CreateAsync(bodyCode, expiresOn, "tests", "test", CancellationToken.None);
    }

    public static HttpClient WithKey(HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Fields of a good four-star issue, issued 30 days ago; <paramref name="change"/> may alter any.</summary>
    public static Dictionary<string, object?> IssueFields(string? number = null, Action<Dictionary<string, object?>>? change = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["number"] = number ?? NewNumber(),
            ["organisationCreditCode"] = TestRegistry.NewCreditCode().Value,
            ["organisationNameZh"] = $"杭州接口测试{TestRegistry.UniqueSuffix()}电器有限公司",
            ["organisationNameEn"] = "Hangzhou API Test Appliances Co., Ltd.",
            ["level"] = "four-star",
            ["totalScore"] = 92.5m,
            ["scopeZh"] = "家用电器的销售、配送、安装及维修服务",
            ["scopeEn"] = "Sales, delivery, installation and repair of household appliances",
            ["issuedOn"] = Day(RegistryCalendar.Today(TimeProvider.System).AddDays(-30)),
        };
        change?.Invoke(fields);
        return fields;
    }

    public static string NewNumber() => $"API-{TestRegistry.UniqueSuffix()}";

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostRawAsync(string path, string content, string mediaType, string? idempotencyKey = null) =>
        PostRawAsync(path, Encoding.UTF8.GetBytes(content), mediaType, idempotencyKey);

    public Task<HttpResponseMessage> PostRawAsync(string path, byte[] content, string mediaType, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Issues a good certificate through the API and returns what the API answered.</summary>
    public async Task<CertificatePayload> IssueAsync(string? number = null)
    {
        using var response = await PostAsync("/api/publishing/certificates", IssueFields(number));
        return await OkAsync<CertificatePayload>(response);
    }

    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)!;
    }

    /// <summary>Asserts a problem response with the given status and code, and returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        problem.GetProperty("code").GetString().ShouldBe(code, text);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        text.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        return problem;
    }
}
