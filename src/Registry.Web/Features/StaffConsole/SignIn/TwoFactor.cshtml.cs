using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Registry.Web.Features.StaffConsole.Staff;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Receipts;

namespace Registry.Web.Features.StaffConsole.SignIn;

/// <summary>
/// /console/two-factor: set up the authenticator app (TOTP, RFC 6238, as Identity's authenticator provider does it):
/// the key as text and as an otpauth QR code, then one code to prove the app has it; ten recovery codes are shown once.
/// </summary>
public sealed class TwoFactorModel(UserManager<StaffMember> users, StaffSignInManager signIn, IOptions<ReceiptOptions> registry) : ConsolePageModel
{
    protected override bool SetsUpSecondFactor => true;

    public string Key { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public bool Failed { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public bool AlreadyOn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return LocalRedirect("/console/sign-in");
        }

        AlreadyOn = member.TwoFactorEnabled && PassedSecondFactor;
        await LoadKeyAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return LocalRedirect("/console/sign-in");
        }

        var typed = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (typed.Length != 6 || !await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadKeyAsync(member);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(member, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(member, 10) ?? []];

        // The session now counts as one that passed the second factor.
        await signIn.SignInWithClaimsAsync(member, isPersistent: false, [new Claim("amr", MultiFactorMethod)]);
        return Page();
    }

    private async Task LoadKeyAsync(StaffMember member)
    {
        var key = await users.GetAuthenticatorKeyAsync(member);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(member);
            key = await users.GetAuthenticatorKeyAsync(member);

            // A new key changes the security stamp, which ends sessions; this one goes on.
            await signIn.RefreshSignInAsync(member);
        }

        Key = key!;
        var issuer = Uri.EscapeDataString(registry.Value.RegistryName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(member.Email ?? member.UserName ?? "staff")}?secret={Key}&issuer={issuer}&digits=6";
        using var symbol = QrSymbol.EncodeForScreen(uri);
        QrSvg = symbol.ToSvg();
    }
}
