using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Features.WatchLists;

/// <summary>/watch/{token}: the list's certificates with their status now, and what changed since the list's previous visit.</summary>
public sealed class ViewModel(WatchListStore store) : PageModel
{
    public WatchList? List { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public DateTimeOffset PreviousVisit { get; private set; }

    public IReadOnlyList<WatchedCertificate> Certificates { get; private set; } = [];

    public IReadOnlyList<WatchedChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        List = await store.FindByViewAsync(token, cancellationToken);
        if (List is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Token = token.ToLowerInvariant();
        PreviousVisit = List.LastVisitAt;
        // One read of the changes since the previous visit: the rows are marked from all of them, the list shows the newest 100.
        var changes = await store.ChangesAsync(List, PreviousVisit, int.MaxValue, cancellationToken);
        Certificates = await store.CertificatesAsync(List, changes, cancellationToken);
        Changes = [.. changes.Take(100)];
        await store.MarkVisitedAsync(List, cancellationToken);

        // The link is the secret: it must not travel to other sites in a Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }
}
