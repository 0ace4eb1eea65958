using System.Net.Http.Headers;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Registry.Web.Tests.HostileInput;

/// <summary>One request of the suite: what it targets (for the per-path counts), and the message.</summary>
public sealed record HostileRequest(string Target, HttpRequestMessage Message, bool Authenticated);

/// <summary>
/// Builds hostile requests for every route the site maps (read from its endpoint data source, so a new route is
/// covered the day it is added) and every argument of every GraphQL query and mutation field (read from the live
/// schema): hostile values in path parameters, query parameters, JSON members, CSV cells, multipart parts and GraphQL
/// literals and variables; bodies that are not UTF-8, empty, huge, or of the wrong type.
/// </summary>
public sealed class HostileRequests
{
    private static readonly string[] QueryNames =
        ["q", "number", "on", "lang", "payload", "level", "status", "province", "body", "expiresFrom", "expiresTo", "page", "first", "after",
         "certificate", "from", "to", "limit", "before", "query", "variables", "operationName", "extensions", "scanned"];

    private static readonly string[] BodyMembers =
        ["number", "operation", "reason", "effectiveOn", "expectedVersion", "level", "totalScore", "scopeZh", "scopeEn", "issuedOn", "expiresOn",
         "organisationCreditCode", "organisationNameZh", "organisationNameEn", "organisationAddress", "scheme", "medium", "count",
         "expectedActiveKid", "scanned", "query", "variables", "serviceSystemScore", "unknownMember"];

    private static readonly string[] CsvColumns =
        ["operation", "number", "expected_version", "effective_on", "reason", "level", "total_score", "scope_zh", "issued_on", "expires_on",
         "organisation_credit_code", "organisation_name_zh"];

    private readonly IReadOnlyList<(string Pattern, string Method)> _routes;
    private readonly IReadOnlyList<GraphQLTarget> _graphQL;
    private readonly HostileFixture _fixture;

    public HostileRequests(EndpointDataSource endpoints, ISchema schema, HostileFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(schema);
        _fixture = fixture;
        _routes = [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/error", StringComparison.Ordinal) && raw != "error/{code:int}")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m => (Pattern(e.RoutePattern), m)))
            .Distinct()];
        schema.Initialize();
        _graphQL = [.. new[] { (Kind: "query", Type: (IObjectGraphType?)schema.Query), (Kind: "mutation", Type: schema.Mutation) }
            .Where(root => root.Type is not null)
            .SelectMany(root => root.Type!.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal))
                .SelectMany(f => (f.Arguments?.Count ?? 0) == 0
                    ? [new GraphQLTarget(root.Kind, f, null, null)]
                    : f.Arguments!.SelectMany(a => Unwrapped(a.ResolvedType!) is IInputObjectGraphType input
                        // An input object's every field is an argument of its own to attack.
                        ? input.Fields.Select(field => new GraphQLTarget(root.Kind, f, a, field)).Prepend(new GraphQLTarget(root.Kind, f, a, null))
                        : [new GraphQLTarget(root.Kind, f, a, null)])))];
    }

    public IReadOnlyList<(string Pattern, string Method)> Routes => _routes;

    public IReadOnlyList<GraphQLTarget> GraphQLTargets => _graphQL;

    public HostileRequest Next(HostileValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Between(0, 100) < 35 ? GraphQL(values) : Route(values);
    }

    private HostileRequest Route(HostileValues values)
    {
        var (pattern, method) = values.Pick(_routes);
        var path = Fill(pattern, values);
        if (values.Chance(60))
        {
            path += "?" + string.Join('&', Enumerable.Range(0, values.Between(1, 4)).Select(_ => values.Pick(QueryNames) + "=" + values.Next().Escaped()));
        }

        var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            message.Content = Body(pattern, values);
        }

        var authenticated = pattern.StartsWith("/api/publishing", StringComparison.Ordinal) ? values.Chance(85) : values.Chance(10);
        return Sign(new HostileRequest($"{method} {pattern}", message, authenticated), values);
    }

    private HostileRequest GraphQL(HostileValues values)
    {
        var target = values.Pick(_graphQL);
        var selection = target.Kind == "mutation" ? MutationSelection(target.Field.Name)
            : target.Field.ResolvedType?.GetNamedType() is IComplexGraphType or UnionGraphType ? " { __typename }" : string.Empty;
        var others = target.Field.Arguments?.Where(a => a != target.Argument && a.ResolvedType is NonNullGraphType)
            .Select(a => $"{a.Name}: {PlausibleLiteral(a.ResolvedType!, values)}") ?? [];
        string json;
        if (target.Argument is not null && target.InputField is not null)
        {
            var input = (IInputObjectGraphType)Unwrapped(target.Argument.ResolvedType!);
            var members = input.Fields.Where(f => f != target.InputField && f.ResolvedType is NonNullGraphType)
                .Select(f => $"{f.Name}: {PlausibleLiteral(f.ResolvedType!, values)}")
                .Append($"{target.InputField.Name}: {HostileLiteral(values)}");
            var list = string.Join(", ", others.Append($"{target.Argument.Name}: {{ {string.Join(", ", members)} }}"));
            var document = $"{target.Kind} {{ {target.Field.Name}({list}){selection} }}";
            json = "{\"query\":" + HostileValues.JsonString(document) + "}";
        }
        else if (target.Argument is null || values.Chance(50))
        {
            var arguments = target.Argument is null ? others : others.Append($"{target.Argument.Name}: {HostileLiteral(values)}");
            var list = string.Join(", ", arguments);
            var document = $"{target.Kind} {{ {target.Field.Name}{(list.Length > 0 ? "(" + list + ")" : string.Empty)}{selection} }}";
            json = "{\"query\":" + HostileValues.JsonString(document) + "}";
        }
        else
        {
            var list = string.Join(", ", others.Append($"{target.Argument.Name}: $v"));
            var document = $"{target.Kind}($v: {target.Argument.ResolvedType}) {{ {target.Field.Name}({list}){selection} }}";
            json = "{\"query\":" + HostileValues.JsonString(document) + ",\"variables\":{\"v\":" + values.AnyJson() + "}}";
        }

        HttpRequestMessage message;
        if (target.Kind == "query" && values.Chance(20))
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(json);
            var query = Uri.EscapeDataString(parsed.RootElement.GetProperty("query").GetString()!);
            message = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + query);
        }
        else
        {
            message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(Encoding.UTF8.GetBytes(json)) };
        }

        var label = $"GraphQL {target.Field.Name}{(target.Argument is null ? string.Empty : "(" + target.Argument.Name + (target.InputField is null ? string.Empty : "." + target.InputField.Name) + ")")}";
        return Sign(new HostileRequest(label, message, target.Kind == "mutation" ? values.Chance(85) : values.Chance(10)), values);
    }

    /// <summary>What a mutation's answer must say for the suite to know whether it changed anything.</summary>
    private static string MutationSelection(string field) => field switch
    {
        "bulkPublish" => " { replayed results { applied replayed operation } }",
        "rotateSigningKey" => " { replayed rotation { active { kid } } }",
        "revokeSigningKey" => " { replayed }",
        "issueQr" => " { replayed qr { medium codes { serial } } }",
        _ => " { replayed change { version } }",
    };

    private HostileRequest Sign(HostileRequest request, HostileValues values)
    {
        if (request.Authenticated)
        {
            request.Message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fixture.Token);
            if (values.Chance(30))
            {
                request.Message.Headers.TryAddWithoutValidation("Idempotency-Key", values.Chance(50) ? "hostile-" + values.Between(0, 50) : values.Next().Text ?? "x");
            }
        }

        return request;
    }

    private ByteArrayContent Body(string pattern, HostileValues values)
    {
        var kind = values.Between(0, 100);
        if (kind < 8)
        {
            return Raw(values.Next().Utf8Invalid ?? [0xFF, 0x00, 0xFE], values.Pick(["application/json", "text/csv", "image/png", "multipart/form-data; boundary=XX"]));
        }

        if (kind < 12)
        {
            return Raw([], values.Pick(["application/json", "text/csv", "multipart/form-data; boundary=XX", "text/plain"]));
        }

        if (kind < 15)
        {
            return Raw(Encoding.UTF8.GetBytes("{\"reason\":\"" + new string('x', values.Chance(90) ? 70_000 : 17_000_000) + "\"}"), "application/json");
        }

        if (pattern.EndsWith("/bulk", StringComparison.Ordinal) && values.Chance(60))
        {
            return values.Chance(50) ? Raw(Csv(values), "text/csv") : Json(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, values.Between(1, 5)).Select(_ => JsonObject(values))) + "]"));
        }

        if ((pattern.Contains("/image", StringComparison.Ordinal) || pattern.Contains("/upload", StringComparison.Ordinal)) && values.Chance(70))
        {
            return Multipart(values);
        }

        if (kind < 20)
        {
            return Raw(Encoding.UTF8.GetBytes(values.Pick(["[]", "\"text\"", "42", "null", "{", "{\"a\":", "[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]"])), "application/json");
        }

        return Json(Encoding.UTF8.GetBytes(JsonObject(values)));
    }

    private string JsonObject(HostileValues values)
    {
        var members = Enumerable.Range(0, values.Between(1, 8)).Select(_ =>
        {
            var name = values.Pick(BodyMembers);
            var valid = name switch
            {
                "number" => values.Pick(_fixture.Numbers),
                "operation" => values.Pick(["suspend", "reinstate", "withdraw", "issue", "renew", "change-scope"]),
                "effectiveOn" or "issuedOn" => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "scanned" => _fixture.Scan,
                _ => null,
            };
            return HostileValues.JsonString(name) + ":" + values.AnyJson(valid);
        });
        return "{" + string.Join(',', members.DistinctBy(m => m[..m.IndexOf(':', StringComparison.Ordinal)])) + "}";
    }

    private byte[] Csv(HostileValues values)
    {
        var columns = CsvColumns.Where(_ => values.Chance(70)).Prepend("operation").Prepend("number").Distinct().ToList();
        var csv = new List<byte>(Encoding.UTF8.GetBytes(string.Join(',', columns) + "\n"));
        for (var row = values.Between(1, 6); row > 0; row--)
        {
            foreach (var (column, i) in columns.Select((c, i) => (c, i)))
            {
                var value = values.Next();
                var cell = column == "number" && values.Chance(50) ? Encoding.UTF8.GetBytes(values.Pick(_fixture.Numbers))
                    : value.Utf8Invalid ?? Encoding.UTF8.GetBytes("\"" + (value.Text ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
                csv.AddRange(cell);
                csv.AddRange(Encoding.UTF8.GetBytes(i == columns.Count - 1 ? "\n" : ","));
            }
        }

        return [.. csv];
    }

    private static ByteArrayContent Multipart(HostileValues values)
    {
        var name = values.Chance(70) ? "image" : values.Next().Text ?? "x";
        var file = values.Next();
        var body = new List<byte>();
        body.AddRange(Encoding.UTF8.GetBytes($"--XX\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file.Text}\"\r\nContent-Type: image/png\r\n\r\n"));
        body.AddRange(values.Chance(50) ? [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] : file.Utf8Invalid ?? Encoding.UTF8.GetBytes(file.Text ?? string.Empty));
        if (values.Chance(60))
        {
            body.AddRange("\r\n--XX--\r\n"u8.ToArray());
        }

        return Raw([.. body], "multipart/form-data; boundary=XX");
    }

    private static string HostileLiteral(HostileValues values) => values.Between(0, 10) switch
    {
        0 => "123",
        1 => "1e400",
        2 => "true",
        3 => "null",
        4 => "[\"\\u0000\", 1]",
        5 => "{ a: 1 }",
        6 => "SUSPEND",
        7 => "$undeclared",
        _ => values.Next().GraphQLLiteral(),
    };

    private string PlausibleLiteral(IGraphType type, HostileValues values) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) switch
    {
        IntGraphType => "1",
        FloatGraphType => "92.5",
        BooleanGraphType => "true",
        IInputObjectGraphType => "{ number: " + HostileValues.JsonString(values.Pick(_fixture.Numbers)) + " }",
        ListGraphType => "[]",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        _ when type.GetNamedType().Name == "Date" => "\"2025-06-01\"",
        _ when type.GetNamedType().Name == "DateTime" => "\"2025-06-01T00:00:00Z\"",
        _ => HostileValues.JsonString(values.Pick(_fixture.Numbers)),
    };

    private static string Fill(string pattern, HostileValues values)
    {
        var path = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '{')
            {
                var end = pattern.IndexOf('}', i);
                var parameter = pattern[(i + 1)..end];
                path.Append(parameter.EndsWith(":int", StringComparison.Ordinal) ? values.Pick(["0", "-1", "99999999999", "418"]) : values.Next().Escaped());
                i = end + 1;
            }
            else
            {
                path.Append(pattern[i++]);
            }
        }

        return path.Length == 0 || path[0] != '/' ? "/" + path : path.ToString();
    }

    private static IGraphType Unwrapped(IGraphType type) => type is NonNullGraphType nonNull ? Unwrapped(nonNull.ResolvedType!) : type;

    private static string Pattern(RoutePattern pattern)
    {
        var raw = pattern.RawText ?? string.Empty;
        return raw.StartsWith('/') ? raw : "/" + raw;
    }

    private static ByteArrayContent Json(byte[] body) => Raw(body, "application/json");

    private static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}

/// <summary>A GraphQL root field and the argument (or field of an input argument) a request puts a hostile value in (null: the field has none).</summary>
public sealed record GraphQLTarget(string Kind, FieldType Field, QueryArgument? Argument, FieldType? InputField);

/// <summary>What the requests may name: the suite's body's key, its certificates' numbers, a genuine scan.</summary>
public sealed record HostileFixture(string Token, IReadOnlyList<string> Numbers, string Scan);
