using Microsoft.Extensions.Localization;
using Registry.Domain.Levels;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.Verification;

/// <summary>One line of the claims table: what the code says, and beside it what the registry says today.</summary>
public sealed record ClaimRow(string Field, string Label, string InCode, string? InRegistry, bool Differs);

/// <summary>
/// The signed claims in reading order. The registry column is filled for the fields the verifier compares;
/// medium, serial and signing day describe the print itself, so they have no registry value.
/// </summary>
public static class ClaimRows
{
    public static IReadOnlyList<ClaimRow> For(IStringLocalizer text, Verdict verdict)
    {
        if (verdict.Claims is not { } claims)
        {
            return [];
        }

        var differing = verdict.Differences.Select(d => d.Field).ToHashSet(StringComparer.Ordinal);
        var holds = verdict.NormalizedNumber is not null;
        var rows = new List<ClaimRow>
        {
            new("number", text["Certificate number"], claims.CertificateNumber, holds ? verdict.CertificateNumber : null, false),
            Row(RegistryComparison.CreditCodeField, text["Unified social credit code"], claims.CreditCode, verdict.CreditCode, differing),
            Row(RegistryComparison.LevelField, text["Level"], Level(claims.Level), verdict.Level is { } level ? Level(level) : null, differing),
            Row(RegistryComparison.IssuedOnField, text["Issued on"], RegistryComparison.Day(claims.IssuedOn), VerdictText.Day(verdict.IssuedOn), differing, holds),
            Row(RegistryComparison.ExpiresOnField, text["Valid until"], RegistryComparison.Day(claims.ExpiresOn), VerdictText.Day(verdict.ExpiresOn), differing, holds),
            new("medium", text["Printed on"], VerdictText.Medium(text, claims.Medium), null, false),
        };
        if (claims.Medium != Medium.Certificate)
        {
            rows.Add(new("serial", text["Serial number"], claims.Serial.ToString(System.Globalization.CultureInfo.InvariantCulture), null, false));
        }

        rows.Add(new("signedOn", text["Signed on"], RegistryComparison.Day(claims.SignedOn), null, false));
        rows.Add(new("signedBy", text["Signed by"], $"{verdict.SignedBy} · {text["key {0}", verdict.KeyId ?? "—"]}", null, false));
        return rows;
    }

    /// <summary>Version 1 claims mean GB/T 27922, so its scale names the level; stars first, as on a plaque.</summary>
    public static string Level(string code)
    {
        var scheme = Schemes.Default;
        var stars = Labels.Stars(scheme, code);
        return stars.Length > 0 ? $"{stars} {Labels.Level(scheme, code)}" : Labels.Level(scheme, code);
    }

    private static ClaimRow Row(string field, string label, string inCode, string? inRegistry, HashSet<string> differing, bool holds = true) =>
        new(field, label, inCode, holds ? inRegistry : null, differing.Contains(field));
}
