using Registry.Signing.Claims;

namespace Registry.Web.Features.Verification;

/// <summary>
/// What the signed claims say that the registry no longer says. The number is the look-up key, so it always
/// agrees; medium, serial and signing day are facts about the print, with nothing in the registry to differ.
/// </summary>
internal static class RegistryComparison
{
    /// <summary>Stable field names, used on the page and in the JSON.</summary>
    public const string LevelField = "level";
    public const string CreditCodeField = "creditCode";
    public const string IssuedOnField = "issuedOn";
    public const string ExpiresOnField = "expiresOn";

    public static IReadOnlyList<ClaimDifference> Differences(QrClaims claims, string registryCreditCode, DateOnly registryIssuedOn,
        CertificateState state, IEnumerable<StatusEvent> events)
    {
        var differences = new List<ClaimDifference>();
        if (!string.Equals(claims.Level, state.Level, StringComparison.Ordinal))
        {
            differences.Add(new ClaimDifference(LevelField, claims.Level, state.Level ?? string.Empty));
        }

        // A different credit code is a different legal person: the print names another holder than the registry.
        // A rename keeps the credit code, and names are not signed, so a renamed company is not a difference.
        if (!string.Equals(claims.CreditCode, registryCreditCode, StringComparison.Ordinal))
        {
            differences.Add(new ClaimDifference(CreditCodeField, claims.CreditCode, registryCreditCode));
        }

        if (claims.IssuedOn != registryIssuedOn)
        {
            differences.Add(new ClaimDifference(IssuedOnField, Day(claims.IssuedOn), Day(registryIssuedOn)));
        }

        if (state.ExpiresOn is { } expiresOn && claims.ExpiresOn != expiresOn && !RenewedSinceSigning(claims, expiresOn, events))
        {
            differences.Add(new ClaimDifference(ExpiresOnField, Day(claims.ExpiresOn), Day(expiresOn)));
        }

        return differences;
    }

    /// <summary>
    /// A renewal extends a certificate that plaques already show; brass is not re-engraved every three years.
    /// So a later registry expiry is no disagreement when a renewal was published on or after the signing
    /// day (the print could not have known it). An earlier expiry, or a later one with no such renewal, is.
    /// </summary>
    private static bool RenewedSinceSigning(QrClaims claims, DateOnly registryExpiresOn, IEnumerable<StatusEvent> events) =>
        registryExpiresOn > claims.ExpiresOn
        && events.Any(e => e.Kind == StatusEventKind.Renewed && RegistryCalendar.DateOf(e.PublishedAt) >= claims.SignedOn);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
