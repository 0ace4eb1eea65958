using Microsoft.Extensions.Options;

namespace Registry.Web.Features.SigningKeys;

/// <summary>Settings under <c>Signing</c>. The key-encryption key comes from the environment, never from a file in the repository.</summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Signing";
    public const string KeyEncryptionKeySetting = Section + ":" + nameof(KeyEncryptionKey);
    public const string PreviousKeyEncryptionKeySetting = Section + ":" + nameof(PreviousKeyEncryptionKey);
    public const int KeyEncryptionKeyLength = 32;

    /// <summary>Base64 of 32 random bytes: the AES-256 key that encrypts every stored private signing key.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Only for <c>keys rewrap</c>: the key-encryption key being replaced.</summary>
    public string? PreviousKeyEncryptionKey { get; set; }

    /// <summary>
    /// How old the cached key set may grow before it is read again. Changes made through this instance clear
    /// the cache at once; this bounds how long a change made by another instance goes unseen.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The decoded key-encryption key; throws with the validator's message when it is missing or malformed.</summary>
    internal byte[] KeyEncryptionKeyBytes() => Decode(KeyEncryptionKey, KeyEncryptionKeySetting);

    internal byte[] PreviousKeyEncryptionKeyBytes() => Decode(PreviousKeyEncryptionKey, PreviousKeyEncryptionKeySetting);

    /// <summary>Reads a key-encryption key. Messages never contain the value: it is a secret even when malformed.</summary>
    internal static bool TryDecode(string? text, string setting, out byte[] key, out string problem)
    {
        key = [];
        var variable = setting.Replace(":", "__", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"{setting} is not set. It encrypts the certification bodies' private signing keys at rest. " +
                $"Set the environment variable {variable} to the base64 of {KeyEncryptionKeyLength} random bytes " +
                "(e.g. `head -c 32 /dev/urandom | base64`; ops/run and ops/test keep one in .data/signing-kek). " +
                "Keep it out of the repository, and keep the one the stored keys were encrypted with: without it they cannot be used.";
            return false;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var length))
        {
            problem = $"{setting} is not valid base64 (the value is not shown). It must be the base64 of {KeyEncryptionKeyLength} random bytes.";
            return false;
        }

        if (length != KeyEncryptionKeyLength)
        {
            problem = $"{setting} decodes to {length} bytes; it must be exactly {KeyEncryptionKeyLength} (an AES-256 key). The value is not shown.";
            return false;
        }

        key = buffer[..length];
        problem = string.Empty;
        return true;
    }

    private static byte[] Decode(string? text, string setting) =>
        TryDecode(text, setting, out var key, out var problem) ? key : throw new OptionsValidationException(Section, typeof(SigningKeyOptions), [problem]);
}

/// <summary>Checked when the site starts (ValidateOnStart), so a missing key stops it at once rather than at the first print.</summary>
internal sealed class SigningKeyOptionsValidator : IValidateOptions<SigningKeyOptions>
{
    private static readonly TimeSpan ShortestRefresh = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRefresh = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, SigningKeyOptions options)
    {
        var failures = new List<string>();
        if (!SigningKeyOptions.TryDecode(options.KeyEncryptionKey, SigningKeyOptions.KeyEncryptionKeySetting, out _, out var problem))
        {
            failures.Add(problem);
        }

        // The previous key is optional, but a malformed one should not wait until `keys rewrap` to be noticed.
        if (!string.IsNullOrWhiteSpace(options.PreviousKeyEncryptionKey)
            && !SigningKeyOptions.TryDecode(options.PreviousKeyEncryptionKey, SigningKeyOptions.PreviousKeyEncryptionKeySetting, out _, out problem))
        {
            failures.Add(problem);
        }

        if (options.RefreshInterval < ShortestRefresh || options.RefreshInterval > LongestRefresh)
        {
            failures.Add($"{SigningKeyOptions.Section}:{nameof(SigningKeyOptions.RefreshInterval)} must be between {ShortestRefresh} and {LongestRefresh}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
