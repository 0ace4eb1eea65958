namespace Registry.Web.Features.StaffConsole.Uploads;

/// <summary>
/// A bulk file a staff member uploaded in the console: kept between its preview and its confirmation, so that what
/// is applied is exactly the file that was previewed, and afterwards with its per-row results for the body to read
/// again. Pruned after <see cref="ConsoleUploadPruner.Retention"/>.
/// </summary>
public sealed class ConsoleUpload
{
    public const int MaxFileNameLength = 200;

    public Guid Id { get; set; }

    public long BodyId { get; set; }

    public long UploadedBy { get; set; }

    public required string UploadedByName { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string FileName { get; set; }

    /// <summary>The file's bytes as uploaded (CSV or .xlsx).</summary>
    public required byte[] Content { get; set; }

    /// <summary>The rehearsal of every row, as JSON (<see cref="Publishing.Bulk.RehearsedRow"/>s).</summary>
    public required string Preview { get; set; }

    public int RowCount { get; set; }

    public int WouldApply { get; set; }

    /// <summary>Set once, by the confirmation that applies the upload; a second confirmation finds it set and applies nothing.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    public long? AppliedBy { get; set; }

    public string? AppliedByName { get; set; }

    /// <summary>The real run's answer, as JSON (<see cref="Publishing.Bulk.BulkResponse"/>), once it is done.</summary>
    public string? Results { get; set; }
}
