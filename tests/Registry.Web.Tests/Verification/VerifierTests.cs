using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Levels;
using Registry.Signing.Claims;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.Verification;

/// <summary>Every verdict kind, from the verifier against the real registry in PostgreSQL, at a clock the test sets.</summary>
public sealed class VerifierTests(RegistryDatabase database)
{
    private readonly VerificationScenarios _scenarios = new(database, new InMemorySigningKeys());

    [Fact]
    public async Task A_genuine_code_of_a_valid_certificate_is_genuine_and_valid_as_of_the_clock()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 3, 1));
        var clock = TestClocks.AtChinaNoon(2026, 5, 1);

        var verdict = await VerifyAsync(_scenarios.Link(issued), clock);

        verdict.Kind.ShouldBe(VerdictKind.GenuineValid);
        verdict.Status.ShouldBe(CertificateStatus.Valid);
        verdict.AsOf.ShouldBe(clock.GetUtcNow());
        verdict.Differences.ShouldBeEmpty();
        verdict.Claims.ShouldBe(VerificationScenarios.Claims(issued));
        verdict.CertificateNumber.ShouldBe(issued.Certificate.Number);
        verdict.NormalizedNumber.ShouldBe(issued.Certificate.NormalizedNumber);
        verdict.HolderNameZh.ShouldBe(issued.Organisation.LegalNameZh);
        verdict.ExpiresOn.ShouldBe(new DateOnly(2028, 2, 29));
        verdict.SignedBy.ShouldBe(issued.Body.Code);
        verdict.KeyId.ShouldBe(issued.Key.ToString());
        verdict.StatusSince.ShouldBe(new DateOnly(2025, 3, 1));
    }

    [Fact]
    public async Task The_signature_alone_never_makes_a_valid_verdict_before_the_registry_holds_the_issue()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 3, 2));

        var verdict = await VerifyAsync(_scenarios.Link(issued), TestClocks.AtChinaNoon(2025, 3, 1));

        verdict.Kind.ShouldBe(VerdictKind.NotFound);
        verdict.NotFoundReason.ShouldBe(NotFoundReasons.NotYetInEffect);
    }

    [Theory]
    [InlineData(CertificateStatus.Suspended)]
    [InlineData(CertificateStatus.Withdrawn)]
    [InlineData(CertificateStatus.Cancelled)]
    public async Task A_genuine_code_of_a_certificate_that_lost_its_validity_says_since_when_and_why(CertificateStatus status)
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 4, 1));
        var effective = new DateOnly(2025, 9, 15);
        var reason = $"{status} in a test: surveillance audit found no service outlet";
        await _scenarios.ChangeAsync(issued, status switch
        {
            CertificateStatus.Suspended => StatusChange.Suspend(effective, reason, "x"),
            CertificateStatus.Withdrawn => StatusChange.Withdraw(effective, reason, "x"),
            _ => StatusChange.Cancel(effective, reason, "x"),
        }, PublishedOn(effective));

        var verdict = await VerifyAsync(_scenarios.Link(issued), TestClocks.AtChinaNoon(2026, 1, 5));

        verdict.Kind.ShouldBe(VerdictKind.GenuineNotValid);
        verdict.Status.ShouldBe(status);
        verdict.StatusSince.ShouldBe(effective);
        verdict.StatusReason.ShouldBe(reason);
        verdict.Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_certificate_expires_by_the_clock_alone()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 1, 10));
        var link = _scenarios.Link(issued);

        var before = await VerifyAsync(link, TestClocks.AtChinaNoon(2028, 1, 9));
        var after = await VerifyAsync(link, TestClocks.AtChinaNoon(2028, 1, 10));

        before.Kind.ShouldBe(VerdictKind.GenuineValid);
        after.Kind.ShouldBe(VerdictKind.GenuineNotValid);
        after.Status.ShouldBe(CertificateStatus.Expired);
        after.ExpiresOn.ShouldBe(new DateOnly(2028, 1, 9));
        after.StatusSince.ShouldBe(new DateOnly(2028, 1, 10));
    }

    [Fact]
    public async Task A_lowered_level_makes_the_code_changed_and_shows_both_levels()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 1));
        await _scenarios.ChangeAsync(issued, StatusChange.ChangeLevel(new DateOnly(2025, 11, 1), "Annual review", "x", "three-star", new Scores(84m, 85m, 83m, 84m)),
            PublishedOn(new DateOnly(2025, 11, 1)));

        var verdict = await VerifyAsync(_scenarios.Link(issued), TestClocks.AtChinaNoon(2026, 2, 1));

        verdict.Kind.ShouldBe(VerdictKind.GenuineChanged);
        verdict.Status.ShouldBe(CertificateStatus.Valid);
        verdict.Differences.ShouldBe([new ClaimDifference("level", "four-star", "three-star")]);
        verdict.Level.ShouldBe("three-star");
    }

    [Fact]
    public async Task A_code_naming_another_holder_is_changed_with_both_credit_codes()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 2));
        var otherHolder = TestRegistry.NewCreditCode().Value;
        var claims = VerificationScenarios.Claims(issued) with { CreditCode = otherHolder };

        var verdict = await VerifyAsync(_scenarios.Link(claims, issued.Key), TestClocks.AtChinaNoon(2026, 2, 1));

        verdict.Kind.ShouldBe(VerdictKind.GenuineChanged);
        verdict.Differences.ShouldBe([new ClaimDifference("creditCode", otherHolder, issued.Organisation.CreditCode)]);
    }

    [Fact]
    public async Task Not_valid_wins_over_changed_and_the_differences_are_still_listed()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 3));
        await _scenarios.ChangeAsync(issued, StatusChange.ChangeLevel(new DateOnly(2025, 8, 1), "Review", "x", "three-star", new Scores(84m, 85m, 83m, 84m)),
            PublishedOn(new DateOnly(2025, 8, 1)));
        await _scenarios.ChangeAsync(issued, StatusChange.Withdraw(new DateOnly(2025, 10, 1), "Fraud", "x"), PublishedOn(new DateOnly(2025, 10, 1)));

        var verdict = await VerifyAsync(_scenarios.Link(issued), TestClocks.AtChinaNoon(2026, 2, 1));

        verdict.Kind.ShouldBe(VerdictKind.GenuineNotValid);
        verdict.Status.ShouldBe(CertificateStatus.Withdrawn);
        verdict.StatusReason.ShouldBe("Fraud");
        verdict.Differences.Select(d => d.Field).ShouldBe(["level"]);
    }

    [Fact]
    public async Task A_renewal_after_printing_extends_the_expiry_without_making_the_print_changed()
    {
        var clock = TestClocks.AtChinaNoon(2021, 1, 10);
        var issued = await _scenarios.IssueAsync(new DateOnly(2021, 1, 10), clock);
        var plaque = _scenarios.Link(VerificationScenarios.Claims(issued, Medium.Plaque, 3, new DateOnly(2021, 2, 1)), issued.Key);
        clock.MoveTo(TestClocks.ChinaNoon(2024, 1, 5));
        await _scenarios.ChangeAsync(issued, StatusChange.Renew(new DateOnly(2024, 1, 5), "Recertified", "x"), clock);

        var verdict = await VerifyAsync(plaque, TestClocks.AtChinaNoon(2025, 6, 1));

        verdict.Kind.ShouldBe(VerdictKind.GenuineValid);
        verdict.Differences.ShouldBeEmpty();
        verdict.ExpiresOn.ShouldBe(new DateOnly(2027, 1, 4));
        verdict.Claims!.ExpiresOn.ShouldBe(new DateOnly(2024, 1, 9));
    }

    [Fact]
    public async Task An_expiry_the_registry_never_granted_is_a_difference()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 4));
        var claims = VerificationScenarios.Claims(issued) with { ExpiresOn = new DateOnly(2030, 12, 31) };

        var verdict = await VerifyAsync(_scenarios.Link(claims, issued.Key), TestClocks.AtChinaNoon(2026, 2, 1));

        verdict.Kind.ShouldBe(VerdictKind.GenuineChanged);
        verdict.Differences.ShouldBe([new ClaimDifference("expiresOn", "2030-12-31", "2028-05-03")]);
    }

    [Fact]
    public async Task A_genuinely_signed_number_the_registry_never_issued_is_not_found()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 5));
        var claims = VerificationScenarios.Claims(issued) with { CertificateNumber = "NEVER" + TestRegistry.UniqueSuffix() + "ISSUED" };

        var verdict = await VerifyAsync(_scenarios.Link(claims, issued.Key), TestClocks.AtChinaNoon(2026, 2, 1));

        verdict.Kind.ShouldBe(VerdictKind.NotFound);
        verdict.NotFoundReason.ShouldBe(NotFoundReasons.NeverIssued);
        verdict.CertificateNumber.ShouldBe(claims.CertificateNumber);
        verdict.Claims.ShouldBe(claims);
        verdict.Status.ShouldBeNull();
        verdict.NormalizedNumber.ShouldBeNull();
    }

    [Fact]
    public async Task An_altered_byte_is_not_genuine()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 6));
        var envelope = _scenarios.Envelope(VerificationScenarios.Claims(issued), issued.Key);
        envelope[30] ^= 0x01; // inside the signed claims

        await ShouldBeNotGenuineAsync(VerifyUrl.Build(VerificationScenarios.Host, envelope), "BAD_SIGNATURE");
    }

    [Fact]
    public async Task A_key_the_registry_does_not_publish_is_not_genuine()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 7));
        var stranger = new InMemorySigningKeys();
        var foreignKey = stranger.Add(issued.Body);
        using var signer = stranger.Signer(foreignKey);

        await ShouldBeNotGenuineAsync(VerifyUrl.Build(VerificationScenarios.Host, signer.Sign(VerificationScenarios.Claims(issued))), "UNKNOWN_KEY");
    }

    [Fact]
    public async Task Another_bodys_key_is_not_genuine()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 8));
        var other = await _scenarios.IssueAsync(new DateOnly(2025, 5, 8));

        var verdict = await ShouldBeNotGenuineAsync(_scenarios.Link(VerificationScenarios.Claims(issued), other.Key), "WRONG_ISSUER");

        verdict.NotGenuineMessage!.ShouldContain(other.Body.Code);
    }

    [Fact]
    public async Task A_revoked_key_is_not_genuine_even_for_what_it_signed_before()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 9));
        var link = _scenarios.Link(issued);
        (await VerifyAsync(link, TestClocks.AtChinaNoon(2026, 1, 1))).Kind.ShouldBe(VerdictKind.GenuineValid);

        _scenarios.Keys.Revoke(issued.Key);

        await ShouldBeNotGenuineAsync(link, "REVOKED_KEY");
    }

    [Fact]
    public async Task A_retired_key_still_verifies_what_it_signed_inside_its_window_but_nothing_dated_after()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 10));
        var before = _scenarios.Link(VerificationScenarios.Claims(issued, signedOn: new DateOnly(2025, 6, 30)), issued.Key);
        var after = _scenarios.Link(VerificationScenarios.Claims(issued, signedOn: new DateOnly(2025, 7, 2)), issued.Key);

        _scenarios.Keys.Retire(issued.Key, new DateOnly(2025, 7, 1));

        (await VerifyAsync(before, TestClocks.AtChinaNoon(2026, 1, 1))).Kind.ShouldBe(VerdictKind.GenuineValid);
        await ShouldBeNotGenuineAsync(after, "KEY_NOT_VALID_AT_SIGNING_TIME");
    }

    [Fact]
    public async Task Bytes_after_the_signed_envelope_are_never_ignored()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 11));
        var envelope = _scenarios.Envelope(VerificationScenarios.Claims(issued), issued.Key);

        await ShouldBeNotGenuineAsync(VerifyUrl.Build(VerificationScenarios.Host, [.. envelope, 0x00]), "TRAILING_DATA");
        await ShouldBeNotGenuineAsync(_scenarios.Link(issued) + "/EXTRA", "BAD_URL");
        await ShouldBeNotGenuineAsync(_scenarios.Link(issued) + "?X=1", "BAD_URL");
    }

    [Fact]
    public async Task A_claims_version_this_registry_does_not_know_is_not_genuine()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 12));
        using var signer = _scenarios.Keys.Signer(issued.Key);
        var envelope = HandMadeEnvelope.Sign(signer, [0x82, 0x02, 0x00]); // [2, 0]: version 2

        await ShouldBeNotGenuineAsync(VerifyUrl.Build(VerificationScenarios.Host, envelope), "UNSUPPORTED_VERSION");
    }

    [Fact]
    public async Task The_link_is_read_in_any_letter_case_and_a_bare_payload_is_accepted()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 13));
        var link = _scenarios.Link(issued);
        var clock = TestClocks.AtChinaNoon(2026, 1, 1);

        (await VerifyAsync(link.ToLowerInvariant(), clock)).Kind.ShouldBe(VerdictKind.GenuineValid);
        (await VerifyAsync(link, clock)).Kind.ShouldBe(VerdictKind.GenuineValid);
        (await VerifyAsync(VerificationScenarios.PayloadOf(link), clock)).Kind.ShouldBe(VerdictKind.GenuineValid);
    }

    [Fact]
    public async Task A_link_to_another_host_is_not_genuine()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 5, 14));

        await ShouldBeNotGenuineAsync("HTTPS://STAR.EXAMPLE.NET/V/" + VerificationScenarios.PayloadOf(_scenarios.Link(issued)), "BAD_URL");
        await ShouldBeNotGenuineAsync(_scenarios.Link(issued).Replace("HTTPS://", "HTTP://", StringComparison.Ordinal), "BAD_URL");
    }

    /// <summary>Changes are published at noon of their effective day, so that a test clock after it sees them.</summary>
    private static FakeTimeProvider PublishedOn(DateOnly day) => TestClocks.AtChinaNoon(day.Year, day.Month, day.Day);

    private async Task<Verdict> VerifyAsync(string scanned, TimeProvider clock)
    {
        await using var db = database.CreateContext();
        return await _scenarios.Verifier(db, clock).VerifyAsync(scanned, TestContext.Current.CancellationToken);
    }

    private async Task<Verdict> ShouldBeNotGenuineAsync(string scanned, string code)
    {
        var verdict = await VerifyAsync(scanned, TestClocks.AtChinaNoon(2026, 1, 1));
        verdict.Kind.ShouldBe(VerdictKind.NotGenuine);
        verdict.NotGenuineCode.ShouldBe(code);
        verdict.NotGenuineMessage.ShouldNotBeNullOrWhiteSpace();
        verdict.Claims.ShouldBeNull();
        verdict.AsOf.ShouldBe(TestClocks.ChinaNoon(2026, 1, 1));
        return verdict;
    }
}
