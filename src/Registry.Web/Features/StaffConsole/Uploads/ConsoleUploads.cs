using System.Text.Json;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.StaffConsole.Uploads;

/// <summary>
/// A console bulk upload's two steps. <see cref="PreviewAsync"/> reads the file exactly as the bulk API does (CSV or
/// .xlsx), rehearses every row and keeps the file with its rehearsal. <see cref="ApplyAsync"/> claims the upload once
/// (a second confirmation applies nothing), then sends the rows that rehearsed well through the real bulk run, each
/// pinned to the version the preview judged it on, so a certificate changed in between is refused as outdated
/// rather than changed in a way nobody saw.
/// </summary>
public sealed class ConsoleUploads(RegistryDbContext db, BulkRehearsal rehearsal, BulkPublisher publisher, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The file as the bulk API reads it: an .xlsx workbook by its bytes, CSV otherwise.</summary>
    public static async Task<BulkDocument> ReadAsync(byte[] content, CancellationToken cancellationToken) =>
        XlsxRows.LooksLikeWorkbook(content) ? XlsxRows.Read(content) : await CsvRows.ReadAsync(content, cancellationToken);

    public async Task<ConsoleUpload> PreviewAsync(PublishingCaller caller, string fileName, byte[] content, IReadOnlyList<PublishingRow> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rehearsed = await rehearsal.RunAsync(caller, rows, cancellationToken);
        var upload = new ConsoleUpload
        {
            Id = Guid.NewGuid(),
            BodyId = caller.BodyId,
            UploadedBy = caller.Staff!.Id,
            UploadedByName = caller.Staff.Name,
            UploadedAt = clock.GetUtcNow(),
            FileName = fileName,
            Content = content,
            Preview = JsonSerializer.Serialize(rehearsed, Json),
            RowCount = rehearsed.Count,
            WouldApply = rehearsed.Count(r => r.WouldApply),
        };
        db.ConsoleUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return upload;
    }

    public Task<ConsoleUpload?> FindAsync(long bodyId, Guid id, CancellationToken cancellationToken) =>
        db.ConsoleUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.BodyId == bodyId, cancellationToken);

    public Task<List<ConsoleUploadSummary>> LatestAsync(long bodyId, int count, CancellationToken cancellationToken) =>
        db.ConsoleUploads.AsNoTracking().Where(u => u.BodyId == bodyId).OrderByDescending(u => u.UploadedAt).Take(count)
            .Select(u => new ConsoleUploadSummary(u.Id, u.FileName, u.UploadedAt, u.UploadedByName, u.RowCount, u.WouldApply, u.AppliedAt, u.AppliedByName))
            .ToListAsync(cancellationToken);

    public static IReadOnlyList<RehearsedRow> PreviewOf(ConsoleUpload upload) =>
        JsonSerializer.Deserialize<List<RehearsedRow>>(upload?.Preview ?? "[]", Json) ?? [];

    public static BulkResponse? ResultsOf(ConsoleUpload upload) =>
        upload?.Results is { } results ? JsonSerializer.Deserialize<BulkResponse>(results, Json) : null;

    /// <summary>Applies the upload's good rows; null when it was already claimed by an earlier confirmation (or is not the body's).</summary>
    public async Task<BulkResponse?> ApplyAsync(PublishingCaller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        var claimed = await db.ConsoleUploads
            .Where(u => u.Id == id && u.BodyId == caller.BodyId && u.AppliedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.AppliedAt, now)
                .SetProperty(u => u.AppliedBy, caller.Staff!.Id)
                .SetProperty(u => u.AppliedByName, caller.Staff!.Name), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var upload = await db.ConsoleUploads.AsNoTracking().SingleAsync(u => u.Id == id, cancellationToken);
        var preview = PreviewOf(upload).ToDictionary(r => r.Row);
        var rows = (await ReadAsync(upload.Content, cancellationToken)).Rows
            .Where(row => preview.TryGetValue(row.RowNumber, out var rehearsed) && rehearsed.WouldApply)
            .Select(row => Pinned(row, preview[row.RowNumber]))
            .ToList();

        // The upload's id as the idempotency key: rows already applied by an interrupted confirmation are replayed, not applied twice.
        var response = await publisher.RunAsync(caller, rows, $"console-upload-{id:N}", cancellationToken);
        await db.ConsoleUploads.Where(u => u.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Results, JsonSerializer.Serialize(response, Json)), cancellationToken);
        return response;
    }

    /// <summary>A change row carries the version the preview judged it on, unless the file gave one itself.</summary>
    private static PublishingRow Pinned(PublishingRow row, RehearsedRow rehearsed)
    {
        if (rehearsed.VersionBefore is not { } version || row.Get(RowFields.ExpectedVersion) is not null || rehearsed.Operation == PublishingOperations.Issue)
        {
            return row;
        }

        var fields = new Dictionary<string, string?>(row.Fields, StringComparer.Ordinal)
        {
            [RowFields.ExpectedVersion] = version.ToString(CultureInfo.InvariantCulture),
        };
        return row with { Fields = fields };
    }
}

public sealed record ConsoleUploadSummary(Guid Id, string FileName, DateTimeOffset UploadedAt, string UploadedBy, int Rows, int WouldApply,
    DateTimeOffset? AppliedAt, string? AppliedBy);
