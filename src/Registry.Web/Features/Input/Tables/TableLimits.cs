namespace Registry.Web.Features.Input.Tables;

/// <summary>What a table file a person uploads or pastes may hold; each is checked before the work it bounds.</summary>
public static class TableLimits
{
    /// <summary>A thousand rows of names and codes is about 100 KB as CSV and less as .xlsx.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>What an .xlsx may expand to once unzipped, all parts together: more is a zip bomb, not a bidder list.</summary>
    public const long MaxExpandedBytes = 32L * 1024 * 1024;

    public const int MaxColumns = 50;

    public const int MaxCellLength = 1000;
}

/// <summary>What one kind of table may hold: a list of bidders (<see cref="Lists"/>) or a bulk upload of changes.</summary>
public sealed record TableBounds(int MaxBytes, long MaxExpandedBytes, int MaxColumns, int MaxCellLength)
{
    public static readonly TableBounds Lists = new(TableLimits.MaxBytes, TableLimits.MaxExpandedBytes, TableLimits.MaxColumns, TableLimits.MaxCellLength);
}
