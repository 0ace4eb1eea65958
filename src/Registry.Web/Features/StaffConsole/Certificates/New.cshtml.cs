using Microsoft.AspNetCore.Mvc;
using Registry.Domain.Levels;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.StaffConsole.Certificates;

/// <summary>
/// /console/certificates/new: issues a certificate in the member's body's name. The form is a bulk row's issue
/// columns; the first step rehearses it and shows what the public will see, the second publishes it.
/// </summary>
public sealed class NewModel(ConsoleRowChange rowChange, RegistryDbContext db) : ConsolePageModel
{
    public Scheme Scheme => Schemes.Default;

    public PublishingRow? PendingRow { get; private set; }

    public RehearsedRow? Rehearsed { get; private set; }

    public PublishingError? Refusal { get; private set; }

    /// <summary>What the form shows again after a refusal, so nothing typed is lost.</summary>
    public string Value(string field) => PendingRow?.Get(field) ?? (Request.HasFormContentType ? Request.Form[field].ToString() : string.Empty);

    public IActionResult OnGet() => CanPublish ? Page() : Forbid();

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) => IssueAsync(apply: false, cancellationToken);

    public Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken) => IssueAsync(apply: true, cancellationToken);

    private async Task<IActionResult> IssueAsync(bool apply, CancellationToken cancellationToken)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        var row = ConsoleRowChange.FromForm(Request.Form, PublishingOperations.Issue, number: null);
        var caller = await CallerAsync(db, cancellationToken);
        var step = await rowChange.StepAsync(caller, row, apply, cancellationToken);
        if (step.Refusal is { } refusal)
        {
            return Refuse(refusal);
        }

        if (step.Published is { } published)
        {
            Response.Headers.Location = $"/console/certificates/{published.NormalizedNumber}?done=issue";
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        (PendingRow, Rehearsed) = (row, step.Rehearsed);
        return Page();
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refuse(PublishingError error)
    {
        Refusal = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
