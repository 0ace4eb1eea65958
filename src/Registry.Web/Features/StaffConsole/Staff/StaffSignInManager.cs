using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Registry.Web.Features.StaffConsole.Staff;

/// <summary>Identity's sign-in, refusing disabled members (their password still matches, but the body has let them go).</summary>
public sealed class StaffSignInManager(
    UserManager<StaffMember> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<StaffMember> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<StaffMember>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffMember> confirmation)
    : SignInManager<StaffMember>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffMember user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledAt is null && await base.CanSignInAsync(user);
    }
}

/// <summary>The member's body and name travel in the session, so that every console page scopes to the body without a look-up.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffMember> users, RoleManager<StaffRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffMember, StaffRole>(users, roles, options)
{
    public const string BodyIdClaim = "star:body";
    public const string DisplayNameClaim = "star:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffMember user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BodyIdClaim, user.BodyId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
