using Microsoft.Extensions.Time.Testing;

namespace Registry.Domain.Tests.Certificates;

public class CertificateIssueTests
{
    private readonly FakeTimeProvider _clock = TestClocks.AtChinaTime(2025, 1, 10);

    [Fact]
    public void Issue_publishes_one_issued_event_with_the_stated_terms()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(), _clock);

        var issued = certificate.Events.ShouldHaveSingleItem();
        issued.Kind.ShouldBe(StatusEventKind.Issued);
        issued.Sequence.ShouldBe(1);
        issued.EffectiveOn.ShouldBe(new DateOnly(2025, 1, 10));
        issued.PublishedAt.ShouldBe(China.At(2025, 1, 10));
        issued.Actor.ShouldBe(TestCertificates.Actor);
        issued.Level.ShouldBe("four-star");
        issued.TotalScore.ShouldBe(92.0m);
        issued.ScopeZh.ShouldBe(TestCertificates.Scope);
        issued.ExpiresOn.ShouldBe(new DateOnly(2028, 1, 9));
        issued.Reason.ShouldBeEmpty("no reason was stated");
    }

    [Fact]
    public void Issue_keeps_the_reason_the_body_states()
    {
        var certificate = Certificate.Issue(TestCertificates.Command() with { Reason = "  认证评价合格  " }, _clock);

        certificate.Events[0].Reason.ShouldBe("认证评价合格");
    }

    [Fact]
    public void Issue_records_the_number_scheme_parties_and_snapshot()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(number: "demo-sc-2025/0001"), _clock);

        certificate.Number.ShouldBe("DEMO-SC-2025/0001");
        certificate.NormalizedNumber.ShouldBe("DEMOSC20250001");
        certificate.SchemeCode.ShouldBe("GBT27922-2011");
        certificate.Scheme.ShouldBeSameAs(Schemes.GbT27922);
        certificate.BodyId.ShouldBe(1);
        certificate.OrganisationId.ShouldBe(2);
        certificate.IsDemo.ShouldBeTrue();
        certificate.IssuedOn.ShouldBe(new DateOnly(2025, 1, 10));
        certificate.Standing.ShouldBe(CertificateStanding.Valid);
        certificate.Level.ShouldBe("four-star");
        certificate.TotalScore.ShouldBe(92.0m);
        certificate.ScopeZh.ShouldBe(TestCertificates.Scope);
        certificate.ScopeEn.ShouldBe("After-sales service for demo household appliances (demo data)");
        certificate.ExpiresOn.ShouldBe(new DateOnly(2028, 1, 9));
        certificate.LastEffectiveOn.ShouldBe(new DateOnly(2025, 1, 10));
        certificate.CurrentState(_clock).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void Issue_without_an_expiry_runs_three_years_minus_one_day()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2024, 3, 1)), _clock);

        certificate.ExpiresOn.ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void Issue_with_an_explicit_expiry_keeps_it()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(expiresOn: new DateOnly(2026, 12, 31)), _clock);

        certificate.ExpiresOn.ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void Issue_may_be_back_dated()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2024, 12, 20)), _clock);

        certificate.IssuedOn.ShouldBe(new DateOnly(2024, 12, 20));
        certificate.Events[0].PublishedAt.ShouldBe(China.At(2025, 1, 10));
    }

    [Fact]
    public void Issue_date_in_the_future_is_refused() =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2025, 1, 11)), _clock)))
            .ShouldBeRefusedWith("ISSUE_DATE_IN_FUTURE");

    [Fact]
    public void Issue_date_is_compared_with_today_in_China_not_in_UTC()
    {
        var issuedOn = new DateOnly(2026, 3, 5);
        var justAfterMidnightInChina = TestClocks.At(new DateTimeOffset(2026, 3, 4, 16, 30, 0, TimeSpan.Zero));
        var justBeforeMidnightInChina = TestClocks.At(new DateTimeOffset(2026, 3, 4, 15, 59, 0, TimeSpan.Zero));

        Certificate.Issue(TestCertificates.Command(issuedOn: issuedOn), justAfterMidnightInChina).IssuedOn.ShouldBe(issuedOn);
        ((Action)(() => Certificate.Issue(TestCertificates.Command(issuedOn: issuedOn), justBeforeMidnightInChina)))
            .ShouldBeRefusedWith("ISSUE_DATE_IN_FUTURE");
    }

    [Theory]
    [InlineData("2025-01-10")]
    [InlineData("2025-01-09")]
    [InlineData("2020-01-01")]
    public void Expiry_not_after_the_issue_date_is_refused(string expiresOn) =>
        ((Action)(() => Certificate.Issue(
            TestCertificates.Command(expiresOn: DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture)), _clock)))
            .ShouldBeRefusedWith("EXPIRY_NOT_AFTER_ISSUE");

    [Fact]
    public void Expiry_the_day_after_the_issue_date_is_accepted() =>
        Certificate.Issue(TestCertificates.Command(expiresOn: new DateOnly(2025, 1, 11)), _clock).ExpiresOn.ShouldBe(new DateOnly(2025, 1, 11));

    [Theory]
    [InlineData("five-star", 94.9, "LEVEL_SCORE_MISMATCH")]
    [InlineData("compliant", 80.0, "LEVEL_SCORE_MISMATCH")]
    [InlineData("compliant", 69.9, "SCORE_BELOW_CERTIFIABLE")]
    [InlineData("six-star", 98.0, "UNKNOWN_LEVEL")]
    public void Issue_refuses_a_level_the_score_does_not_earn(string level, double total, string code) =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(level: level, total: (decimal)total), _clock))).ShouldBeRefusedWith(code);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Issue_without_a_scope_is_refused(string scope) =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(scopeZh: scope), _clock))).ShouldBeRefusedWith("SCOPE_REQUIRED");

    [Fact]
    public void Issue_with_a_scope_over_2000_characters_is_refused() =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(scopeZh: new string('范', 2001)), _clock))).ShouldBeRefusedWith("TEXT_TOO_LONG");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Issue_without_an_actor_is_refused(string actor) =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(actor: actor), _clock))).ShouldBeRefusedWith("ACTOR_REQUIRED");

    [Fact]
    public void A_certificate_is_never_issued_under_a_scheme_it_cannot_later_resolve()
    {
        // A scheme the registry does not list: either Issue refuses it, or the certificate must go on working
        // with it (Certificate.Scheme and level changes resolve the scheme by its code through Schemes.Find).
        var unlisted = new Scheme("DEMO-UNLISTED", "演示", "Demo", Schemes.GbT27922.Levels, Schemes.GbT27922.StartsOn, Schemes.GbT27922.ValidityYears);

        var refusal = Record.Exception(() => Certificate.Issue(TestCertificates.Command(scheme: unlisted), _clock));
        if (refusal is not null)
        {
            refusal.ShouldBeOfType<DomainException>().Code.ShouldBe("UNKNOWN_SCHEME");
            return;
        }

        var certificate = Certificate.Issue(TestCertificates.Command(scheme: unlisted), _clock);
        certificate.Scheme.Code.ShouldBe("DEMO-UNLISTED");
        _clock.SetChinaTime(2025, 2, 1);
        Should.NotThrow(() => certificate.Apply(
            StatusChange.ChangeLevel(new DateOnly(2025, 2, 1), "Reassessed", TestCertificates.Actor, "five-star", new Scores(96m)), _clock));
    }
}
