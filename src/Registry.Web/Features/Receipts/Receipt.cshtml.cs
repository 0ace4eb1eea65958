using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.Receipts;

/// <summary>/receipts/{id}: the receipt, its signature checked now, every certificate's status now beside the status then; printable on A4.</summary>
public sealed class ReceiptModel(ReceiptBook book, IOptions<VerificationOptions> verification) : PageModel
{
    public ReceiptView? View { get; private set; }

    public string? TypedId { get; private set; }

    /// <summary>The receipt's address as an SVG QR code, for the printed copy.</summary>
    public string? QrSvg { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        TypedId = id;
        View = await book.ViewAsync(id, cancellationToken);
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Address = $"https://{verification.Value.PublicHost}/receipts/{View.Stored.Id}";

        // Upper case fits the QR alphanumeric mode (a smaller code); the host and the path are case-insensitive here.
        using var symbol = QrSymbol.Encode(Address.ToUpperInvariant());
        QrSvg = symbol.ToSvg();
        return Page();
    }
}
