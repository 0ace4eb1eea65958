using Microsoft.Extensions.Options;

namespace Registry.Web.Features.Verification;

/// <summary>
/// Settings of the "Verification" section. <see cref="PublicHost"/> is the host printed in every QR code
/// (HTTPS://HOST/V/…) and the only host a scanned link may name. It must survive the QR alphanumeric
/// mode (letters, digits, '.', '-', ':'), and every character costs room in a version-10 code.
/// </summary>
public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>At most 40 characters: with a 40-character host a 19-character number still fits version 11.</summary>
    public const int MaxHostLength = 40;

    /// <summary>
    /// Where ops/run serves the site, so that a local demo's codes name the local registry. Production sets
    /// Verification__PublicHost to the registry's public name (e.g. star.example.cn); nothing else changes.
    /// </summary>
    public const string LocalDefault = "127.0.0.1:8080";

    public string PublicHost { get; set; } = LocalDefault;
}

/// <summary>Checked once at start: a host the QR alphanumeric mode cannot hold would break every printed code.</summary>
internal sealed class VerificationOptionsValidator : IValidateOptions<VerificationOptions>
{
    public ValidateOptionsResult Validate(string? name, VerificationOptions options)
    {
        var host = options.PublicHost;
        if (string.IsNullOrWhiteSpace(host))
        {
            return ValidateOptionsResult.Fail($"{VerificationOptions.Section}:PublicHost is required (e.g. star.example.cn).");
        }

        if (host.Length > VerificationOptions.MaxHostLength)
        {
            return ValidateOptionsResult.Fail($"{VerificationOptions.Section}:PublicHost has at most {VerificationOptions.MaxHostLength} characters.");
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or ':'))
            {
                return ValidateOptionsResult.Fail(
                    $"{VerificationOptions.Section}:PublicHost '{host}' may hold only letters, digits, '.', '-' and ':' (a host and an optional port, no scheme or path), so that QR codes stay in alphanumeric mode.");
            }
        }

        if (host[0] is '.' or '-' or ':' || host[^1] is '.' or '-' or ':')
        {
            return ValidateOptionsResult.Fail($"{VerificationOptions.Section}:PublicHost '{host}' cannot start or end with '.', '-' or ':'.");
        }

        return ValidateOptionsResult.Success;
    }
}
