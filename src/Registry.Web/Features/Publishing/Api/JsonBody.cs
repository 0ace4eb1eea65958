using System.Text.Json;
using Registry.Domain.Text;
using Registry.Web.Features.Input;

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

        if (JsonText.CheckBody(body) is { } notUtf8)
        {
            return (default, PublishingHttp.BadRequest(PublishingErrorCodes.InvalidText, notUtf8.Message));
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

    /// <summary>
    /// A string member, or null when absent or null; a member of another type is a problem (false), and so is a
    /// text the registry's rule refuses (false, with <paramref name="refusal"/>).
    /// </summary>
    public static bool TryString(JsonElement root, string name, out string? value, out IResult? refusal)
    {
        value = null;
        refusal = null;
        if (!root.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        (value, var problem) = JsonText.ReadString(member, name, TextShape.MultiLine);
        if (problem is not null)
        {
            refusal = PublishingHttp.BadRequest(PublishingErrorCodes.InvalidText, problem.Message);
            return false;
        }

        return true;
    }

    /// <summary>The first member not in <paramref name="allowed"/>, if any (or the first whose name cannot be read).</summary>
    public static string? Unknown(JsonElement root, params string[] allowed)
    {
        foreach (var member in root.EnumerateObject())
        {
            var (name, refusal) = JsonText.ReadName(member, "the body");
            if (refusal is not null || !allowed.Contains(name!, StringComparer.Ordinal))
            {
                return name ?? "(unreadable)";
            }
        }

        return null;
    }
}
