using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// A bulk request read into rows, or why it could not be: <see cref="Malformed"/> (400) when the document
/// itself is broken, <see cref="TooManyRows"/> (413) past <see cref="BulkLimits.MaxRows"/>.
/// </summary>
public sealed record BulkDocument(IReadOnlyList<PublishingRow> Rows, string? Malformed = null, bool TooManyRows = false)
{
    public static BulkDocument Broken(string why) => new([], why);

    public static BulkDocument Overfull() => new([], null, TooManyRows: true);
}
