namespace Registry.Web.Features.Publishing.Rows;

/// <summary>
/// One change as text fields, read from a CSV line, a JSON object or a request body. <see cref="Problem"/> is
/// set when the reader could not even make fields of it (e.g. a JSON array where an object belongs).
/// </summary>
public sealed record PublishingRow(int RowNumber, IReadOnlyDictionary<string, string?> Fields, PublishingError? Problem = null)
{
    public string? Get(string field) => Fields.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
