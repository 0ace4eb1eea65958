using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.Input;
using Registry.Web.Features.Publishing.Bulk;

namespace Registry.Web.Features.StaffConsole.Uploads;

/// <summary>
/// /console/uploads: a bulk file of changes (the CSV or .xlsx the bulk API takes) and the body's latest uploads.
/// Uploading applies nothing: it reads the file, rehearses every row and shows the preview, where a publisher confirms.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class UploadsModel(ConsoleUploads uploads, RegistryDbContext db) : ConsolePageModel
{
    public const int MaxRequestBytes = BulkLimits.MaxBodyBytes + 64 * 1024;

    public IReadOnlyList<ConsoleUploadSummary> Latest { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Latest = await uploads.LatestAsync(BodyId, 20, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (file is not { Length: > 0 })
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, "Choose a CSV or .xlsx file of changes.", cancellationToken);
        }

        await using var stream = file.OpenReadStream();
        var content = await CappedBody.ReadAsync(stream, BulkLimits.MaxBodyBytes, cancellationToken);
        if (content is null)
        {
            return await RefuseAsync(StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The file is larger than {BulkLimits.MaxBodyBytes / 1024 / 1024} MiB; split it."), cancellationToken);
        }

        var document = await ConsoleUploads.ReadAsync(content, cancellationToken);
        if (document.TooManyRows)
        {
            return await RefuseAsync(StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The file has more than {BulkLimits.MaxRows:N0} rows; split it."), cancellationToken);
        }

        if (document.Malformed is { } why)
        {
            return await RefuseAsync(StatusCodes.Status400BadRequest, why, cancellationToken);
        }

        var upload = await uploads.PreviewAsync(await CallerAsync(db, cancellationToken), FileNameOf(file), content, document.Rows, cancellationToken);
        Response.Headers.Location = $"/console/uploads/{upload.Id}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>The name as the member's computer gave it, without a path and kept printable, for the list of uploads.</summary>
    private static string FileNameOf(IFormFile file)
    {
        var name = Domain.Text.InputText.Printable(Path.GetFileName(file.FileName.Replace('\\', '/')));
        name = name.Length == 0 ? "upload" : name;
        return name.Length <= ConsoleUpload.MaxFileNameLength ? name : name[..ConsoleUpload.MaxFileNameLength];
    }

    private async Task<IActionResult> RefuseAsync(int status, string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = status;
        Latest = await uploads.LatestAsync(BodyId, 20, cancellationToken);
        return Page();
    }
}
