using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole;

/// <summary>
/// A console page behind sign-in. Publishers and administrators reach it only in a session that passed a second
/// factor; until they have set one up, every console page sends them to /console/two-factor.
/// </summary>
[Authorize(Policy = ConsoleExtensions.MemberPolicy)]
public abstract class ConsolePageModel : PageModel
{
    /// <summary>The "authentication method" claim Identity gives a session that passed a second factor.</summary>
    public const string MultiFactorMethod = "mfa";

    public long BodyId => long.Parse(User.FindFirstValue(StaffClaimsFactory.BodyIdClaim)!, CultureInfo.InvariantCulture);

    public string DisplayName => User.FindFirstValue(StaffClaimsFactory.DisplayNameClaim) ?? string.Empty;

    public long MemberId => long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    public string Role => StaffRoles.All.FirstOrDefault(User.IsInRole) ?? StaffRoles.Viewer;

    public bool PassedSecondFactor => User.HasClaim("amr", MultiFactorMethod);

    /// <summary>Whether this page is the one that sets the second factor up (and so must not redirect to itself).</summary>
    protected virtual bool SetsUpSecondFactor => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!SetsUpSecondFactor && StaffRoles.NeedsTwoFactor(Role) && !PassedSecondFactor)
        {
            context.Result = LocalRedirect("/console/two-factor");
            return;
        }

        await next();
    }
}
