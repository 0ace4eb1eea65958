using System.Globalization;
using System.Text.Json;

namespace Registry.Web.Features.Publishing.Api;

/// <summary>The JSON object body of a single publishing call, read within a small limit.</summary>
internal static class JsonBody
{
    /// <summary>Far more than any single change needs (two 2,000-character scopes in UTF-8 and escapes).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's root object (an empty body counts as {} when <paramref name="optional"/>), or the problem to answer with.</summary>
    public static async Task<(JsonElement Root, IResult? Problem)> ReadObjectAsync(HttpContext context, bool optional = false)
    {
        var body = await RequestBody.ReadAsync(context.Request, MaxBytes, context.RequestAborted);
        if (body is null)
        {
            return (default, PublishingHttp.TooLarge(string.Create(CultureInfo.InvariantCulture, $"A single change's body has at most {MaxBytes} bytes; use /api/publishing/bulk for many.")));
        }

        if (body.Length == 0 && optional)
        {
            body = "{}"u8.ToArray();
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, PublishingHttp.BadRequest("MALFORMED_BODY", "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (default, PublishingHttp.BadRequest("MALFORMED_BODY", $"The body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>A string member, or null when absent or null; a member of another type is a problem.</summary>
    public static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = member.GetString();
        return true;
    }

    /// <summary>The first member not in <paramref name="allowed"/>, if any.</summary>
    public static string? Unknown(JsonElement root, params string[] allowed) =>
        root.EnumerateObject().Select(m => m.Name).FirstOrDefault(n => !allowed.Contains(n, StringComparer.Ordinal));
}
