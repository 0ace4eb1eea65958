using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.StaffConsole.Staff;

/// <summary>Why a staff change was refused.</summary>
public sealed class StaffException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A new member and the one-time link with which they choose their password.</summary>
public sealed record StaffInvitation(StaffMember Member, string Role, Uri ActivationLink);

/// <summary>A member as lists show them.</summary>
public sealed record StaffSummary(long Id, string Email, string DisplayName, string BodyCode, string Role, bool TwoFactor, bool Disabled, DateTimeOffset? LockedOutUntil);

/// <summary>
/// Creating, listing and disabling a body's staff, for the operator commands and the body's administrators alike.
/// A new member has no password: they get a one-time activation link (Identity's reset token, valid for
/// <see cref="StaffAccountsExtensions.ActivationLifetime"/>) and choose it themselves, so no password ever passes
/// through an operator.
/// </summary>
public sealed class StaffDirectory(RegistryDbContext db, UserManager<StaffMember> users, RoleManager<StaffRole> roles,
    IOptions<VerificationOptions> verification, TimeProvider clock)
{
    public async Task<StaffInvitation> CreateAsync(string bodyCode, string email, string displayName, string role, CancellationToken cancellationToken)
    {
        if (!StaffRoles.All.Contains(role))
        {
            throw new StaffException("UNKNOWN_ROLE", $"The role is one of {string.Join(", ", StaffRoles.All)}, not '{role}'.");
        }

        displayName = displayName.Trim();
        if (displayName.Length is 0 or > StaffMember.MaxDisplayNameLength || Domain.Text.InputText.Check(displayName, "The name") is not null)
        {
            throw new StaffException("MALFORMED_NAME", $"A member's name has 1 to {StaffMember.MaxDisplayNameLength} characters of ordinary text.");
        }

        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == bodyCode, cancellationToken)
            ?? throw new StaffException("UNKNOWN_BODY", $"No certification body has the code '{bodyCode}'.");
        var member = new StaffMember
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName,
            BodyId = body.Id,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await EnsureRoleAsync(role);
        Check(await users.CreateAsync(member));
        Check(await users.AddToRoleAsync(member, role));
        return new StaffInvitation(member, role, await ActivationLinkAsync(member));
    }

    /// <summary>A fresh one-time link for a member who lost theirs or whose link expired; their old password stops working once they use it.</summary>
    public async Task<Uri> ActivationLinkAsync(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var token = await users.GeneratePasswordResetTokenAsync(member);
        return new Uri($"https://{verification.Value.PublicHost}/console/activate?member={member.Id}&token={Uri.EscapeDataString(token)}");
    }

    /// <summary>Disables a member at once: their sessions end at the next request (the security stamp changes) and they cannot sign in again.</summary>
    public async Task<StaffMember> DisableAsync(string email, long? withinBody, CancellationToken cancellationToken)
    {
        var member = await users.FindByEmailAsync(email.Trim());
        return member is null || (withinBody is { } body && member.BodyId != body)
            ? throw new StaffException("UNKNOWN_MEMBER", $"No staff member has the e-mail address '{email}'.")
            : await DisableAsync(member);
    }

    /// <summary>The same, for a member picked from the body's list; another body's member is unknown.</summary>
    public async Task<StaffMember> DisableAsync(long memberId, long withinBody, CancellationToken cancellationToken)
    {
        var member = await users.FindByIdAsync(memberId.ToString(CultureInfo.InvariantCulture));
        return member is null || member.BodyId != withinBody
            ? throw new StaffException("UNKNOWN_MEMBER", "Your body has no such staff member.")
            : await DisableAsync(member);
    }

    private async Task<StaffMember> DisableAsync(StaffMember member)
    {
        member.DisabledAt ??= clock.GetUtcNow();
        Check(await users.UpdateAsync(member));
        Check(await users.UpdateSecurityStampAsync(member));
        return member;
    }

    public async Task<IReadOnlyList<StaffSummary>> ListAsync(string? bodyCode, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.Users.AsNoTracking()
            join b in db.Bodies.AsNoTracking() on m.BodyId equals b.Id
            where bodyCode == null || b.Code == bodyCode
            orderby b.Code, m.Email
            select new
            {
                m.Id, m.Email, m.DisplayName, b.Code, m.TwoFactorEnabled, m.DisabledAt, m.LockoutEnd,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == m.Id select r.Name).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new StaffSummary(r.Id, r.Email ?? string.Empty, r.DisplayName, r.Code, r.Role ?? string.Empty, r.TwoFactorEnabled,
            r.DisabledAt is not null, r.LockoutEnd > now ? r.LockoutEnd : null))];
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            var created = await roles.CreateAsync(new StaffRole(role));
            if (!created.Succeeded && !await roles.RoleExistsAsync(role))
            {
                Check(created);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            throw new StaffException(error.Code is "DuplicateEmail" or "DuplicateUserName" ? "DUPLICATE_EMAIL" : "REFUSED",
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
