using Microsoft.AspNetCore.Mvc;
using Registry.Signing.Payloads;
using Registry.Signing.Receipts;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Receipts;

/// <summary>
/// POST /receipts: a bulk check (<c>kind=check</c> and the list in <c>rows</c>), a certificate (<c>kind=certificate</c>,
/// <c>number</c>) or a scanned code (<c>kind=verification</c>, <c>code</c>) becomes a signed receipt; the answer is a
/// 303 to the receipt's page. GET /receipts finds a receipt by its id.
/// </summary>
// No antiforgery token: a receipt only records what the registry answers anyone, so a forged post gains nothing; the rate limit bounds the rows.
[IgnoreAntiforgeryToken]
[RequestSizeLimit(CheckPageModel.MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = CheckPageModel.MaxRequestBytes)]
public sealed class CreateModel(ReceiptIssuer issuer) : FormPageModel
{
    public const int MaxNumberLength = 200;

    public IActionResult OnGet(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Page();
        }

        if (ReceiptId.Normalize(id.Trim()) is { } normalized)
        {
            return Redirect("/receipts/" + normalized);
        }

        return Refuse("MALFORMED_RECEIPT_ID", $"A receipt id has {ReceiptId.Length} letters and digits (a–z, 2–7), as printed on the receipt.");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ReadFormAsync(CheckPageModel.MaxRequestBytes, cancellationToken) is not { } form)
        {
            return Page();
        }

        try
        {
            var receipt = form["kind"].ToString() switch
            {
                ReceiptKinds.Check => await ForCheckAsync(form, cancellationToken),
                ReceiptKinds.Certificate => await ForCertificateAsync(form, cancellationToken),
                ReceiptKinds.Verification => await ForScanAsync(form, cancellationToken),
                _ => null,
            };
            if (receipt is null)
            {
                return ProblemCode is null
                    ? Refuse("UNKNOWN_RECEIPT_KIND", $"A receipt is made of a check, a certificate or a verification (kind = {ReceiptKinds.Check}, {ReceiptKinds.Certificate} or {ReceiptKinds.Verification}).")
                    : Page();
            }

            Response.Headers.Location = "/receipts/" + receipt.Id;
            return StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (CheckUnavailableException)
        {
            return NotReady();
        }
    }

    private async Task<StoredReceipt?> ForCheckAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var (table, problem) = CheckPostedRows.Read(form[CheckPostedRows.Field].ToString());
        if (problem is not null)
        {
            Refuse(problem);
            return null;
        }

        return await issuer.ForCheckAsync(table!, cancellationToken);
    }

    private async Task<StoredReceipt?> ForCertificateAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var number = form["number"].ToString().Trim();
        if (number.Length is 0 or > MaxNumberLength || Domain.Text.InputText.Check(number, "The certificate number", Domain.Text.TextShape.SingleLine) is not null)
        {
            Refuse("MALFORMED_CERTIFICATE_NUMBER", $"Give the certificate number as printed, up to {MaxNumberLength} characters.");
            return null;
        }

        return await issuer.ForCertificateAsync(number, cancellationToken);
    }

    private async Task<StoredReceipt?> ForScanAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var code = form["code"].ToString().Trim();
        if (code.Length is 0 or > PayloadLimits.MaxScannedTextLength)
        {
            Refuse("MALFORMED_CODE", $"Give the scanned code's text (its link or payload), up to {PayloadLimits.MaxScannedTextLength} characters.");
            return null;
        }

        return await issuer.ForScanAsync(code, cancellationToken);
    }
}
