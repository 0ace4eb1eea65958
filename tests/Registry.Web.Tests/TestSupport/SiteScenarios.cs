using Registry.Domain.Levels;
using Registry.Signing.Payloads;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// One code per verdict kind, for the page, REST and browser tests, which run on the site's real clock: the
/// changes are published now with effective dates in the past, and the expired certificate was issued in 2022.
/// </summary>
public static class SiteScenarios
{
    public const string SuspensionReason = "整改期内未设立售后服务网点";
    public const string WithdrawalReason = "Service outlets did not exist";
    public static readonly DateOnly ChangeEffectiveOn = new(2025, 12, 1);

    public static async Task<string> ValidAsync(VerificationScenarios scenarios) =>
        scenarios.Link(await scenarios.IssueAsync(new DateOnly(2025, 10, 1)));

    public static async Task<(IssuedCertificate Issued, string Link)> WithStatusAsync(VerificationScenarios scenarios, CertificateStatus status)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (status == CertificateStatus.Expired)
        {
            var old = await scenarios.IssueAsync(new DateOnly(2022, 6, 1));
            return (old, scenarios.Link(old));
        }

        var issued = await scenarios.IssueAsync(new DateOnly(2025, 10, 2));
        await scenarios.ChangeAsync(issued, status switch
        {
            CertificateStatus.Suspended => StatusChange.Suspend(ChangeEffectiveOn, SuspensionReason, "x"),
            CertificateStatus.Withdrawn => StatusChange.Withdraw(ChangeEffectiveOn, WithdrawalReason, "x"),
            CertificateStatus.Cancelled => StatusChange.Cancel(ChangeEffectiveOn, "Business closed", "x"),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        });
        return (issued, scenarios.Link(issued));
    }

    public static async Task<string> LevelLoweredAsync(VerificationScenarios scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var issued = await scenarios.IssueAsync(new DateOnly(2025, 10, 3));
        await scenarios.ChangeAsync(issued, StatusChange.ChangeLevel(ChangeEffectiveOn, "Annual review", "x", "three-star", new Scores(84m, 85m, 83m, 84m)));
        return scenarios.Link(issued);
    }

    public static async Task<string> OtherHolderAsync(VerificationScenarios scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var issued = await scenarios.IssueAsync(new DateOnly(2025, 10, 4));
        return scenarios.Link(VerificationScenarios.Claims(issued) with { CreditCode = TestRegistry.NewCreditCode().Value }, issued.Key);
    }

    public static async Task<string> NeverIssuedAsync(VerificationScenarios scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var issued = await scenarios.IssueAsync(new DateOnly(2025, 10, 5));
        return scenarios.Link(VerificationScenarios.Claims(issued) with { CertificateNumber = "GHOST" + TestRegistry.UniqueSuffix() }, issued.Key);
    }

    /// <summary>The NOT GENUINE codes of the issue's list, by the reason code each must get.</summary>
    public static async Task<IReadOnlyList<(string Code, string Scanned)>> NotGenuineAsync(VerificationScenarios scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var issued = await scenarios.IssueAsync(new DateOnly(2025, 10, 6));
        var other = await scenarios.IssueAsync(new DateOnly(2025, 10, 6));
        var claims = VerificationScenarios.Claims(issued);
        var altered = scenarios.Envelope(claims, issued.Key);
        altered[^5] ^= 0x10; // inside the signature
        var stranger = new InMemorySigningKeys();
        using var strangerSigner = stranger.Signer(stranger.Add(issued.Body));
        var revokedKey = scenarios.Keys.Add(issued.Body, Registry.Signing.Keys.KeyState.Active);
        var revoked = scenarios.Link(claims, revokedKey);
        scenarios.Keys.Revoke(revokedKey);
        return
        [
            ("BAD_SIGNATURE", Build(altered)),
            ("UNKNOWN_KEY", Build(strangerSigner.Sign(claims))),
            ("WRONG_ISSUER", scenarios.Link(claims, other.Key)),
            ("REVOKED_KEY", revoked),
            ("TRAILING_DATA", Build([.. scenarios.Envelope(claims, issued.Key), 0x00])),
        ];
    }

    private static string Build(byte[] envelope) => VerifyUrl.Build(VerificationScenarios.Host, envelope);
}
