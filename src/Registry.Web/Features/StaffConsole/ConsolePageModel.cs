using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.Publishing;
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

    /// <summary>Publishers and administrators publish; viewers read.</summary>
    public bool CanPublish => Role is StaffRoles.Publisher or StaffRoles.Administrator;

    private string? _bodyCode;

    /// <summary>The member as <see cref="PublishingCommands"/> takes a caller: audited with their name, published as the body's console.</summary>
    protected async Task<PublishingCaller> CallerAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        CallerOf(await BodyCodeAsync(db, cancellationToken));

    /// <summary>The same, when the page already holds its body's code.</summary>
    protected PublishingCaller CallerOf(string bodyCode) =>
        PublishingCaller.ForStaff(BodyId, bodyCode, new StaffActor(MemberId, DisplayName), HttpContext.Connection.RemoteIpAddress?.ToString());

    protected async Task<string> BodyCodeAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _bodyCode ??= await db.Bodies.Where(b => b.Id == BodyId).Select(b => b.Code).SingleAsync(cancellationToken);
    }

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
