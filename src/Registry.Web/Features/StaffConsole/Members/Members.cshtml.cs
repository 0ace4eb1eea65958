using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.Members;

/// <summary>
/// /console/staff: the body's staff members, for its administrators only. An administrator invites a member (the
/// one-time activation link is shown on the answer page, to be handed over in person or by a channel the body
/// trusts) and disables one (their sessions end at their next click). Audited through <see cref="PublishingCommands"/>.
/// </summary>
public sealed class MembersModel(StaffDirectory directory, PublishingCommands publishing, RegistryDbContext db) : ConsolePageModel
{
    public IReadOnlyList<StaffSummary> Members { get; private set; } = [];

    public StaffInvitation? Invited { get; private set; }

    public PublishingError? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Role != StaffRoles.Administrator)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? displayName, string? role, CancellationToken cancellationToken)
    {
        if (Role != StaffRoles.Administrator)
        {
            return Forbid();
        }

        var result = await publishing.InviteStaffAsync(await CallerAsync(db, cancellationToken),
            new InviteStaffCommand(email ?? string.Empty, displayName ?? string.Empty, role ?? string.Empty), directory, cancellationToken);
        if (result.Succeeded)
        {
            Invited = result.Value;
        }
        else
        {
            Refuse(result.Error);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(long memberId, string? confirm, CancellationToken cancellationToken)
    {
        if (Role != StaffRoles.Administrator)
        {
            return Forbid();
        }

        if (confirm != "yes")
        {
            Refuse(new PublishingError("NOT_CONFIRMED", "Tick the box to confirm that the member is signed out and cannot sign in again."));
        }
        else
        {
            var result = await publishing.DisableStaffAsync(await CallerAsync(db, cancellationToken), new DisableStaffCommand(memberId), directory, cancellationToken);
            if (result.Succeeded)
            {
                Response.Headers.Location = "/console/staff?done=disabled";
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
        Response.StatusCode = error.Code == "UNKNOWN_MEMBER" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Members = await directory.ListAsync(await BodyCodeAsync(db, cancellationToken), cancellationToken);
}
