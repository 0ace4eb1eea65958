using Microsoft.AspNetCore.Identity;

namespace Registry.Web.Features.StaffConsole.Staff;

/// <summary>
/// Passwords as NIST SP 800-63B (section 3.1.1.2) asks: at least 15 characters (Identity's RequiredLength) and at
/// most 128, any characters (spaces and Chinese included), no composition rules, and never a password that is
/// commonly used, repetitive or sequential, or built from the member's own e-mail address, name or body code.
/// </summary>
public sealed class StaffPasswordValidator(StaffPasswordBlocklist blocklist) : IPasswordValidator<StaffMember>
{
    public const int MinLength = 15;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffMember> manager, StaffMember user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Refuse("PasswordEmpty", "Choose a password.");
        }

        if (password.Length > MaxLength)
        {
            return Refuse("PasswordTooLong", $"A password has at most {MaxLength} characters.");
        }

        if (Domain.Text.InputText.Check(password, "The password") is { } refusal)
        {
            return Refuse("PasswordInvalidText", refusal.Message);
        }

        var folded = password.ToLowerInvariant();
        if (blocklist.Contains(folded) || folded.Distinct().Count() <= 2 || IsSequence(folded))
        {
            return Refuse("PasswordCommon", "This password is too common or too easy to guess; choose another, such as a few unrelated words.");
        }

        var own = new[] { user.Email?.Split('@')[0], user.DisplayName, user.UserName?.Split('@')[0] }
            .Where(p => p is { Length: >= 4 })
            .Select(p => p!.ToLowerInvariant());
        if (own.Any(part => folded.Contains(part, StringComparison.Ordinal)))
        {
            return Refuse("PasswordPersonal", "A password must not contain your name or e-mail address.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsSequence(string text)
    {
        var rising = 0;
        var falling = 0;
        for (var i = 1; i < text.Length; i++)
        {
            rising += text[i] - text[i - 1] == 1 ? 1 : 0;
            falling += text[i - 1] - text[i] == 1 ? 1 : 0;
        }

        return rising >= text.Length - 2 || falling >= text.Length - 2;
    }

    private static Task<IdentityResult> Refuse(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}

/// <summary>
/// Passwords seen in breaches and guessing lists that reach 15 characters: keyboard walks, repeated words, the usual
/// phrases. A short list on purpose: the length rule already removes the short common ones, and the list is here to
/// catch the long ones people reach for when told to use 15 characters.
/// </summary>
public sealed class StaffPasswordBlocklist
{
    private static readonly string[] Common =
    [
        "123456789012345", "1234567890123456", "qwertyuiopasdfg", "qwertyuiopasdfgh", "qwertyuiopasdfghjkl", "1qaz2wsx3edc4rfv",
        "1q2w3e4r5t6y7u8i", "passwordpassword", "password1234567", "password12345678", "iloveyouiloveyou", "abcdefghijklmno",
        "zaq12wsxcde34rfv", "asdfghjklqwertyu", "welcome12345678", "administrator123", "letmeinletmein1", "changemechangeme",
        "woaini1314woaini", "woaiwojia123456", "5201314520131452", "aaaaaaaaaaaaaaa", "qazwsxedcrfvtgbyhn", "starregistry2026",
    ];

    private readonly HashSet<string> _common = new(Common, StringComparer.Ordinal);

    public bool Contains(string folded) => _common.Contains(folded);
}
