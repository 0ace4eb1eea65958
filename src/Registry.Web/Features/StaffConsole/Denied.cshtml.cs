using Microsoft.AspNetCore.Mvc;

namespace Registry.Web.Features.StaffConsole;

/// <summary>/console/denied: where a member is sent when their role does not allow what they asked (the answer is 403, with a way back).</summary>
public sealed class DeniedModel : ConsolePageModel
{
    public IActionResult OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
