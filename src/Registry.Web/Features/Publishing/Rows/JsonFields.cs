using System.Text.Json;
using Registry.Domain.Text;
using Registry.Web.Features.Input;

namespace Registry.Web.Features.Publishing.Rows;

/// <summary>A JSON object as row fields: strings as they are, numbers as written; anything else is a problem of that row.</summary>
public static class JsonFields
{
    public static PublishingRow Read(int rowNumber, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Problem(rowNumber, "A row must be a JSON object of fields.");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var (name, badName) = JsonText.ReadName(member, "the row");
            if (badName is not null)
            {
                return Problem(rowNumber, badName);
            }

            var field = RowFields.FromJsonName(name!);
            if (field is null)
            {
                return Problem(rowNumber, $"'{Clip(name!)}' is not a field (fields are camelCase, e.g. effectiveOn).");
            }

            switch (member.Value.ValueKind)
            {
                case JsonValueKind.String:
                    var (value, badValue) = JsonText.ReadString(member.Value, name!, RowFields.ShapeOf(field));
                    if (badValue is not null)
                    {
                        return Problem(rowNumber, badValue);
                    }

                    fields[field] = value;
                    break;
                case JsonValueKind.Number:
                    fields[field] = member.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    fields[field] = null;
                    break;
                default:
                    return Problem(rowNumber, $"{member.Name} must be a string or a number.");
            }
        }

        return new PublishingRow(rowNumber, fields);
    }

    private static PublishingRow Problem(int rowNumber, TextRefusal refusal) =>
        new(rowNumber, new Dictionary<string, string?>(), new PublishingError(PublishingErrorCodes.InvalidText, refusal.Message));

    private static PublishingRow Problem(int rowNumber, string message) =>
        new(rowNumber, new Dictionary<string, string?>(), new PublishingError(PublishingErrorCodes.InvalidInput, message));

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
