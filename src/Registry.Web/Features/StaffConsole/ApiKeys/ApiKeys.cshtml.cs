using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.ApiKeys;

/// <summary>
/// /console/api-keys: the body's API keys for its own systems. Administrators create one (its token is shown on the
/// answer page this once and stored nowhere, only its hash) and revoke one after confirming that every system using
/// it stops at once; other members read the list. Audited through <see cref="PublishingCommands"/>.
/// </summary>
public sealed class ApiKeysModel(ApiKeyStore keys, PublishingCommands publishing, RegistryDbContext db, TimeProvider clock) : ConsolePageModel
{
    public IReadOnlyList<ApiKeySummary> Keys { get; private set; } = [];

    public CreatedApiKey? Created { get; private set; }

    public PublishingError? Refusal { get; private set; }

    public DateOnly Today => RegistryCalendar.Today(clock);

    public bool CanManage => Role == StaffRoles.Administrator;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? label, DateOnly? expiresOn, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await publishing.CreateApiKeyAsync(await CallerAsync(db, cancellationToken), new CreateApiKeyCommand(label, expiresOn), cancellationToken);
        if (result.Succeeded)
        {
            // Shown on this answer only, never by a redirect or a later page: the console is sent no-store.
            Created = result.Value;
        }
        else
        {
            Refuse(result.Error);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? keyId, string? confirm, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (confirm != "yes")
        {
            Refuse(new PublishingError("NOT_CONFIRMED", "Tick the box to confirm that every system using this key stops at once."));
        }
        else
        {
            var result = await publishing.RevokeApiKeyAsync(await CallerAsync(db, cancellationToken), new RevokeApiKeyCommand(keyId ?? string.Empty), cancellationToken);
            if (result.Succeeded)
            {
                Response.Headers.Location = "/console/api-keys?done=revoked";
                return StatusCode(StatusCodes.Status303SeeOther);
            }

            Refuse(result.Error);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private void Refuse(PublishingError error)
    {
        Refusal = error;
        Response.StatusCode = error.Code == PublishingErrorCodes.UnknownApiKey ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = await keys.ListAsync(await BodyCodeAsync(db, cancellationToken), cancellationToken);
}
