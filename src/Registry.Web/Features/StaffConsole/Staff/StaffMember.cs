using Microsoft.AspNetCore.Identity;

namespace Registry.Web.Features.StaffConsole.Staff;

/// <summary>
/// A certification body's staff member, signing in to the console (ASP.NET Core Identity, table <c>staff_members</c>).
/// A member belongs to exactly one body and acts only on its certificates; the e-mail address is the user name.
/// </summary>
public sealed class StaffMember : IdentityUser<long>
{
    public const int MaxDisplayNameLength = 100;

    public long BodyId { get; set; }

    /// <summary>The name the audit log and the console show for the member's changes.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an operator or the body's administrator disables the member; a disabled member cannot sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>A console role (table <c>staff_roles</c>); the names are <see cref="StaffRoles"/>.</summary>
public sealed class StaffRole : IdentityRole<long>
{
    public StaffRole()
    {
    }

    public StaffRole(string name)
        : base(name)
    {
    }
}

/// <summary>What a member may do in the console.</summary>
public static class StaffRoles
{
    /// <summary>Everything a publisher may, and the body's staff, signing keys and API keys.</summary>
    public const string Administrator = "administrator";

    /// <summary>Issues and changes certificates, uploads changes, prints plaques.</summary>
    public const string Publisher = "publisher";

    /// <summary>Reads the body's certificates and audit log; changes nothing.</summary>
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, Publisher, Viewer];

    /// <summary>Members who can change what the public sees must sign in with a second factor.</summary>
    public static bool NeedsTwoFactor(string role) => role is Administrator or Publisher;
}
