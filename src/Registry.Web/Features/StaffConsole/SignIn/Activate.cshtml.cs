using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.SignIn;

/// <summary>
/// /console/activate?member=…&amp;token=…: the one-time link a new member (or one who forgot their password) gets;
/// they choose a password here. A wrong, used or expired link gets one sentence, whatever the reason.
/// </summary>
public sealed class ActivateModel(UserManager<StaffMember> users) : PageModel
{
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool LinkInvalid { get; private set; }

    public bool Done { get; private set; }

    public long Member { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public void OnGet(long member, string? token)
    {
        Member = member;
        Token = token ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(long member, string? token, string? password, string? repeat)
    {
        Member = member;
        Token = token ?? string.Empty;
        var staff = Token.Length is > 0 and <= 2048 ? await users.FindByIdAsync(member.ToString(CultureInfo.InvariantCulture)) : null;
        if (staff is null || staff.DisabledAt is not null)
        {
            return Invalid();
        }

        if (!string.Equals(password, repeat, StringComparison.Ordinal))
        {
            Problems = ["The two passwords differ."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await users.ResetPasswordAsync(staff, Token, password ?? string.Empty);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(staff);
            Done = true;
            return Page();
        }

        if (result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            return Invalid();
        }

        Problems = [.. result.Errors.Select(e => e.Description)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Invalid()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
