using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.Keys;

/// <summary>
/// /console/keys: the body's QR signing keys. Administrators rotate the active key (prints signed so far stay genuine)
/// or revoke a key (nothing it ever signed verifies again), each only with a ticked confirmation that spells out the
/// consequence, through <see cref="PublishingCommands"/> so that the change is audited like the API's.
/// </summary>
public sealed class SigningKeysModel(SigningKeyStore keys, PublishingCommands publishing, RegistryDbContext db) : ConsolePageModel
{

    public IReadOnlyList<SigningKeySummary> Keys { get; private set; } = [];

    public bool CanChange => Role == StaffRoles.Administrator;

    public PublishingError? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRotateAsync(bool confirm, string? expectedActiveKid, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        if (!confirm)
        {
            return await RefuseAsync("NOT_CONFIRMED", "Tick the box to confirm the rotation.", cancellationToken);
        }

        var result = await publishing.RotateSigningKeyAsync(await CallerAsync(db, cancellationToken), new RotateSigningKeyCommand(expectedActiveKid), null, cancellationToken);
        return result.Succeeded ? Back("rotated") : await RefuseAsync(result.Error.Code, result.Error.Message, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? kid, string? reason, bool confirm, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        if (!confirm)
        {
            return await RefuseAsync("NOT_CONFIRMED", "Tick the box to confirm the revocation.", cancellationToken);
        }

        var result = await publishing.RevokeSigningKeyAsync(await CallerAsync(db, cancellationToken), new RevokeSigningKeyCommand(kid ?? string.Empty, reason ?? string.Empty),
            null, cancellationToken);
        return result.Succeeded ? Back("revoked") : await RefuseAsync(result.Error.Code, result.Error.Message, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(await BodyCodeAsync(db, cancellationToken), cancellationToken);

    private async Task<IActionResult> RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        Refusal = new PublishingError(code, message);
        Response.StatusCode = code is PublishingErrorCodes.NotYourSigningKey or PublishingErrorCodes.UnknownSigningKey ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private StatusCodeResult Back(string done)
    {
        Response.Headers.Location = $"/console/keys?done={done}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
