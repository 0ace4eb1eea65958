using System.Text.Json;
using Registry.Web.Features.Input;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>Reads a bulk JSON document: an array of row objects with camelCase members.</summary>
public static class JsonRows
{
    public static BulkDocument Read(byte[] body)
    {
        if (JsonText.CheckBody(body) is { } notUtf8)
        {
            return BulkDocument.Broken(notUtf8.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = BulkLimits.MaxJsonDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return BulkDocument.Broken("The body must be a JSON array of row objects.");
            }

            var count = root.GetArrayLength();
            if (count > BulkLimits.MaxRows)
            {
                return BulkDocument.Overfull();
            }

            if (count == 0)
            {
                return BulkDocument.Broken("The array holds no rows.");
            }

            return new BulkDocument([.. root.EnumerateArray().Select((element, i) => JsonFields.Read(i + 1, element))]);
        }
        catch (JsonException e)
        {
            return BulkDocument.Broken($"The body is not valid JSON: {e.Message}");
        }
    }
}
