using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.SignIn;

/// <summary>
/// /console/sign-in: e-mail and password. Every failure (unknown address, wrong password, locked, disabled) gets the
/// same sentence, and an unknown address costs a password hash like a known one, so that the form does not tell
/// which addresses have accounts. Five failures lock an account for 15 minutes.
/// </summary>
public sealed class SignInModel(StaffSignInManager signIn, UserManager<StaffMember> users, IPasswordHasher<StaffMember> hasher) : PageModel
{
    // A hash of nothing in particular, checked against when the address is unknown so that both cases take as long.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<StaffMember>().HashPassword(new StaffMember(), "decoy password for unknown addresses"));

    public bool Failed { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        Email = (email ?? string.Empty).Trim();
        if (Email.Length is > 0 and <= 256 && password is { Length: > 0 and <= StaffPasswordValidator.MaxLength })
        {
            var member = await users.FindByEmailAsync(Email);
            if (member is null)
            {
                hasher.VerifyHashedPassword(new StaffMember(), DecoyHash.Value, password);
            }
            else
            {
                var result = await signIn.PasswordSignInAsync(member, password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    return LocalRedirect("/console");
                }

                if (result.RequiresTwoFactor)
                {
                    return LocalRedirect("/console/sign-in/code");
                }
            }
        }

        Failed = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
