using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole.SignIn;

/// <summary>/console/sign-in/code: the second step, a six-digit code from the authenticator app, or a recovery code.</summary>
public sealed class CodeModel(StaffSignInManager signIn) : PageModel
{
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/console/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync(string? code, string? recovery)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return LocalRedirect("/console/sign-in");
        }

        var typed = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = recovery is { Length: > 0 and <= 32 }
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(recovery.Replace(" ", string.Empty, StringComparison.Ordinal))
            : typed.Length == 6 && typed.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: false, rememberClient: false)
                : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            return LocalRedirect("/console");
        }

        Failed = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
