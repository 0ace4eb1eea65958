using System.Text.Json;
using Registry.Domain.Text;

namespace Registry.Web.Features.Input;

/// <summary>
/// JSON bodies under the one text rule (<see cref="InputText"/>). System.Text.Json parses a document without
/// checking the UTF-8 inside its strings, and only fails, with an exception, when a string is read: bytes that
/// are not UTF-8, or an escape of an unpaired surrogate (<c>"\ud800"</c>). Every reader of a body goes through
/// here instead, so that such text is refused with the field's name, like NUL and the rest of the rule.
/// </summary>
public static class JsonText
{
    /// <summary>The body's bytes as the rule sees them: null when they are UTF-8 (a byte order mark is not allowed in JSON either).</summary>
    public static TextRefusal? CheckBody(ReadOnlySpan<byte> body) => InputText.CheckUtf8(body, "The body");

    /// <summary>A string value, read under the rule; the refusal when it cannot be read or breaks it.</summary>
    public static (string? Value, TextRefusal? Refusal) ReadString(JsonElement element, string field, TextShape shape = TextShape.MultiLine)
    {
        string? value;
        try
        {
            value = element.GetString();
        }
        catch (InvalidOperationException)
        {
            return (null, Undecodable(field));
        }

        return InputText.Check(value, field, shape) is { } refusal ? (null, refusal) : (value, null);
    }

    /// <summary>A member's name, read under the rule (names never hold line breaks).</summary>
    public static (string? Name, TextRefusal? Refusal) ReadName(JsonProperty member, string where)
    {
        string name;
        try
        {
            name = member.Name;
        }
        catch (InvalidOperationException)
        {
            return (null, Undecodable($"A member name in {where}"));
        }

        return InputText.Check(name, $"A member name in {where}") is { } refusal ? (null, refusal) : (name, null);
    }

    /// <summary>
    /// The first text anywhere in <paramref name="element"/> (values and member names) that breaks the rule,
    /// named by its path from <paramref name="path"/> (empty for the body itself: <c>variables.input.reason</c>).
    /// </summary>
    public static TextRefusal? FindProblem(JsonElement element, string path, TextShape shape = TextShape.MultiLine)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return ReadString(element, path, shape).Refusal;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var (name, refusal) = ReadName(member, path.Length == 0 ? "the body" : path);
                    refusal ??= FindProblem(member.Value, path.Length == 0 ? name! : path + "." + name, shape);
                    if (refusal is not null)
                    {
                        return refusal;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindProblem(item, $"{path}[{index++}]", shape) is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static TextRefusal Undecodable(string field) =>
        new(field, $"{field} cannot be read as text: it holds an unpaired surrogate escape (such as \\ud800) or bytes that are not UTF-8.");
}
