using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.Publishing.Bulk;

namespace Registry.Web.Features.StaffConsole.Uploads;

/// <summary>
/// /console/uploads/{id}: one of the body's uploads. Before it is applied, the preview of every row (what it would
/// change, or why it is refused) and the confirmation; after, the per-row results of the real run. Another body's
/// upload is not found.
/// </summary>
public sealed class UploadModel(ConsoleUploads uploads, RegistryDbContext db) : ConsolePageModel
{
    public ConsoleUpload? Upload { get; private set; }

    public IReadOnlyList<RehearsedRow> Preview { get; private set; } = [];

    public BulkResponse? Results { get; private set; }

    public bool AlreadyApplied { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await uploads.ApplyAsync(await CallerAsync(db, cancellationToken), id, cancellationToken) is null)
        {
            // Another confirmation (a second click, another tab, a colleague) claimed it first; nothing more is applied.
            AlreadyApplied = true;
            await LoadAsync(id, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Response.Headers.Location = $"/console/uploads/{id}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Upload = await uploads.FindAsync(BodyId, id, cancellationToken);
        if (Upload is null)
        {
            return false;
        }

        Preview = ConsoleUploads.PreviewOf(Upload);
        Results = ConsoleUploads.ResultsOf(Upload);
        return true;
    }
}
