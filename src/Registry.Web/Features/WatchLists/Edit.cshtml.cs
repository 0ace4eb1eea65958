using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.WatchLists;

/// <summary>
/// /watch/edit/{token}: the list's links, and its changes (rename, add rows, remove certificates, delete). Every form
/// carries an antiforgery token; each change answers with a 303 back here, or to the "deleted" notice.
/// </summary>
public sealed class EditModel(WatchListStore store) : FormPageModel
{
    public WatchList? List { get; private set; }

    public string EditToken { get; private set; } = string.Empty;

    public string ViewToken { get; private set; } = string.Empty;

    public IReadOnlyList<WatchedCertificate> Certificates { get; private set; } = [];

    public bool Deleted { get; private set; }

    public string Origin => $"{Request.Scheme}://{Request.Host}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostRenameAsync(string token, string? name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFoundPage();
        }

        if (WatchListStore.NameProblem(name) is { } problem)
        {
            return Refuse("MALFORMED_NAME", problem, StatusCodes.Status400BadRequest);
        }

        await store.RenameAsync(List!, name, cancellationToken);
        return Back("renamed");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string token, long[]? remove, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFoundPage();
        }

        var removed = remove is { Length: > 0 and <= 1000 } ? await store.RemoveAsync(List!, remove, cancellationToken) : 0;
        return Back("removed", removed);
    }

    public async Task<IActionResult> OnPostAddAsync(string token, string? list, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFoundPage();
        }

        if (string.IsNullOrWhiteSpace(list))
        {
            return Refuse("EMPTY_LIST", "Paste one company name, credit code or certificate number per row.", StatusCodes.Status400BadRequest);
        }

        if (Domain.Text.InputText.Check(list, "The list", Domain.Text.TextShape.MultiLine) is { } refusal)
        {
            return Refuse(refusal.Code, refusal.Message, StatusCodes.Status400BadRequest);
        }

        var (table, problem) = TableFile.ReadPasted(list, CheckRows.MaxRows);
        if (problem is not null)
        {
            return Refuse(problem);
        }

        try
        {
            var change = await store.AddAsync(List!, table!, cancellationToken);
            return change.Problem is { } refused ? Refuse(refused.Code, refused.Message, refused.Status) : Back("added", change.Added, change.NotFound);
        }
        catch (CheckUnavailableException)
        {
            return Refuse("NOT_READY", "The search index is being built; try again in a few seconds.", StatusCodes.Status503ServiceUnavailable);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string token, bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFoundPage();
        }

        if (!confirm)
        {
            return Refuse("NOT_CONFIRMED", "Tick the box to confirm that the list is to be deleted.", StatusCodes.Status400BadRequest);
        }

        await store.DeleteAsync(List!, cancellationToken);
        Deleted = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        // The link is the secret: it must not travel to other sites in a Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        List = await store.FindByEditAsync(token, cancellationToken);
        if (List is null)
        {
            return false;
        }

        EditToken = token.ToLowerInvariant();
        ViewToken = WatchListTokens.ViewOf(EditToken);
        Certificates = await store.CertificatesAsync(List, recent: [], cancellationToken);
        return true;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private StatusCodeResult Back(string done, int count = 0, int notFound = 0)
    {
        Response.Headers.Location = $"/watch/edit/{EditToken}?done={done}&count={count}&notFound={notFound}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
