using System.Text.Json;
using Registry.Domain.Text;
using Registry.Web.Features.Input;

namespace Registry.Web.Features.Checks;

/// <summary>The JSON of POST /api/check: <c>{"rows": ["…", ["…", "…"], …]}</c> in, the report out.</summary>
public static class CheckJson
{
    public const string Shape = "The body must be a JSON object whose member rows is an array of rows, each a string or an array of strings (the row's cells).";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 4 };

    /// <summary>The rows' cells, or the reason the body is not a list of rows.</summary>
    public static (List<IReadOnlyList<string>>? Rows, string? Code, string? Problem) Read(byte[] body)
    {
        if (JsonText.CheckBody(body) is { } notUtf8)
        {
            return (null, InputText.InvalidTextCode, notUtf8.Message);
        }

        try
        {
            using var json = JsonDocument.Parse(body, Options);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                return (null, "BAD_REQUEST_BODY", Shape);
            }

            var cells = new List<IReadOnlyList<string>>();
            var index = 0;
            foreach (var row in rows.EnumerateArray())
            {
                index++;
                var elements = row.ValueKind switch
                {
                    JsonValueKind.String => [row],
                    JsonValueKind.Array => row.EnumerateArray().ToList(),
                    _ => null,
                };
                if (elements is null || elements.Any(e => e.ValueKind != JsonValueKind.String))
                {
                    return (null, "BAD_REQUEST_BODY", $"Row {index}: {Shape}");
                }

                var texts = new List<string>(elements.Count);
                foreach (var element in elements)
                {
                    var (value, refusal) = JsonText.ReadString(element, $"rows[{index - 1}]", TextShape.SingleLine);
                    if (refusal is not null)
                    {
                        return (null, refusal.Code, refusal.Message);
                    }

                    texts.Add(value ?? string.Empty);
                }

                cells.Add(texts);
            }

            return (cells, null, null);
        }
        catch (JsonException)
        {
            return (null, "BAD_REQUEST_BODY", Shape);
        }
    }

    public static object Of(CheckReport report) => new
    {
        asOf = report.AsOf,
        rowCount = report.Rows.Count,
        needingAttention = report.NeedingAttention,
        rows = report.Rows.Select(r => new
        {
            row = r.Row,
            asked = r.Asked,
            takenAs = Constant(r.AskedAs.ToString()),
            needsAttention = r.NeedsAttention,
            concerns = r.Concerns.Select(c => Constant(c.ToString())),
            reason = r.Reason is { } reason ? new { code = reason.Code, message = reason.Message } : null,
            matches = r.Matches.Select(m => new
            {
                number = m.Number,
                holder = new { nameZh = m.HolderNameZh, nameEn = m.HolderNameEn, creditCode = m.HolderCreditCode },
                status = Constant(m.Status.ToString()),
                level = m.Level,
                expiresOn = m.ExpiresOn,
                body = new { code = m.BodyCode, nameZh = m.BodyNameZh, nameEn = m.BodyNameEn },
            }),
        }),
    };

    /// <summary>The CONSTANT_CASE the verdict and GraphQL use for enumerations (NotFound → NOT_FOUND).</summary>
    private static string Constant(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
}
