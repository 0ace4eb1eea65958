namespace Registry.Web.Features.ApiKeys;

/// <summary>RFC 9457 problem details with the registry's stable <c>code</c> extension, for API responses.</summary>
public static class ApiProblems
{
    public static IResult Result(int status, string title, string code, string detail, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        foreach (var (name, value) in more ?? new Dictionary<string, object?>())
        {
            extensions[name] = value;
        }

        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    /// <summary>Writes the problem straight to the response, for middleware and handlers outside an endpoint.</summary>
    public static Task Write(HttpContext context, int status, string title, string code, string detail) =>
        Result(status, title, code, detail).ExecuteAsync(context);
}
