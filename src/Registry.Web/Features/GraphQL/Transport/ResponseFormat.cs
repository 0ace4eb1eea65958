using Microsoft.Net.Http.Headers;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>What a response is written as, chosen from the request's Accept header.</summary>
public enum ResponseFormat
{
    /// <summary>application/graphql-response+json: status codes tell request errors (4xx) from execution errors (200).</summary>
    GraphQLResponseJson,

    /// <summary>application/json, for older clients: every well-formed request gets 200, as they expect.</summary>
    Json,

    /// <summary>text/html: the GraphiQL page, for a browser that opens /graphql.</summary>
    Html,
}

/// <summary>
/// Content negotiation as the GraphQL-over-HTTP specification asks: the client's preference by quality,
/// application/graphql-response+json when it states none or ties (the specification's default since 2025),
/// application/json only when the client prefers it, and nothing (406) when it accepts neither.
/// </summary>
public static class ResponseFormats
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    public static ResponseFormat? Choose(IList<string> acceptHeaders, bool htmlAllowed)
    {
        ArgumentNullException.ThrowIfNull(acceptHeaders);
        if (acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
        {
            return ResponseFormat.GraphQLResponseJson;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var ranges) || ranges.Count == 0)
        {
            return ResponseFormat.GraphQLResponseJson;
        }

        var graphQL = Quality(ranges, GraphQLResponseJson);
        var json = Quality(ranges, Json);
        var html = htmlAllowed ? Quality(ranges, Html) : 0;
        if (html > 0 && html > graphQL && html > json)
        {
            return ResponseFormat.Html;
        }

        if (graphQL <= 0 && json <= 0)
        {
            return null;
        }

        return json > graphQL ? ResponseFormat.Json : ResponseFormat.GraphQLResponseJson;
    }

    /// <summary>
    /// The quality the client gives a media type: that of the most specific range that covers it. Parameters
    /// such as charset do not narrow a range here: the answer is always UTF-8, whatever a client names.
    /// </summary>
    private static double Quality(IList<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var type = mediaType[..mediaType.IndexOf('/', StringComparison.Ordinal)];
        MediaTypeHeaderValue? best = null;
        foreach (var range in ranges)
        {
            var covers = range.MatchesAllTypes
                || (range.MatchesAllSubTypes && range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
                || range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
            if (covers && (best is null || Specificity(range) > Specificity(best)))
            {
                best = range;
            }
        }

        return best is null ? 0 : best.Quality ?? 1;
    }

    private static int Specificity(MediaTypeHeaderValue range) =>
        range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;

    public static string ContentType(ResponseFormat format) => format switch
    {
        ResponseFormat.Json => Json + "; charset=utf-8",
        ResponseFormat.Html => Html + "; charset=utf-8",
        _ => GraphQLResponseJson + "; charset=utf-8",
    };
}
