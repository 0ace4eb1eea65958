using Microsoft.Extensions.Time.Testing;

namespace Registry.Domain.Tests.Certificates;

/// <summary>Rules every change must meet besides the lifecycle: dates, reasons, actors and terms.</summary>
public class CertificateChangeRulesTests
{
    private const string Actor = TestCertificates.Actor;

    private readonly Certificate _certificate;
    private readonly FakeTimeProvider _clock;

    public CertificateChangeRulesTests()
    {
        (_certificate, _clock) = TestCertificates.IssueDefault();
        _clock.SetClock(new DateOnly(2025, 6, 1));
    }

    private static DateOnly Today => new(2025, 6, 1);

    [Fact]
    public void Effective_date_in_the_future_is_refused()
    {
        Apply(StatusChange.Suspend(Today.AddDays(1), "Nonconformity", Actor)).ShouldBeRefusedWith("EFFECTIVE_DATE_IN_FUTURE");
        _certificate.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void Effective_date_is_compared_with_today_in_China_not_in_UTC()
    {
        _clock.MoveTo(new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.Zero)); // 23:30 on 4 March in China
        Apply(StatusChange.Suspend(new DateOnly(2026, 3, 5), "Nonconformity", Actor)).ShouldBeRefusedWith("EFFECTIVE_DATE_IN_FUTURE");

        _clock.MoveTo(new DateTimeOffset(2026, 3, 4, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 5 March in China
        Apply(StatusChange.Suspend(new DateOnly(2026, 3, 5), "Nonconformity", Actor))().EffectiveOn.ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void Effective_date_today_is_accepted() =>
        Apply(StatusChange.Suspend(Today, "Nonconformity", Actor))().EffectiveOn.ShouldBe(Today);

    [Fact]
    public void Effective_date_before_the_issue_is_refused() =>
        Apply(StatusChange.Suspend(new DateOnly(2025, 1, 9), "Nonconformity", Actor)).ShouldBeRefusedWith("EFFECTIVE_DATE_BEFORE_ISSUE");

    [Fact]
    public void Effective_date_on_the_issue_date_is_accepted() =>
        Apply(StatusChange.Suspend(new DateOnly(2025, 1, 10), "Nonconformity", Actor))().EffectiveOn.ShouldBe(new DateOnly(2025, 1, 10));

    [Fact]
    public void Effective_date_before_the_last_change_is_refused()
    {
        Apply(StatusChange.Suspend(new DateOnly(2025, 5, 10), "Nonconformity", Actor))();

        Apply(StatusChange.Reinstate(new DateOnly(2025, 5, 9), "Corrected", Actor)).ShouldBeRefusedWith("EFFECTIVE_DATE_BEFORE_LAST_CHANGE");
        _certificate.LastEffectiveOn.ShouldBe(new DateOnly(2025, 5, 10));
    }

    [Fact]
    public void Effective_date_on_the_day_of_the_last_change_is_accepted()
    {
        Apply(StatusChange.Suspend(new DateOnly(2025, 5, 10), "Nonconformity", Actor))();

        Apply(StatusChange.Reinstate(new DateOnly(2025, 5, 10), "Corrected the same day", Actor))();

        _certificate.CurrentState(_clock).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Theory]
    [InlineData(StatusEventKind.Suspended)]
    [InlineData(StatusEventKind.Withdrawn)]
    [InlineData(StatusEventKind.Cancelled)]
    public void A_status_change_without_a_reason_is_refused(StatusEventKind kind)
    {
        foreach (var reason in new[] { string.Empty, "   ", "\t\n" })
        {
            Apply(new StatusChange(kind, Today, reason, Actor, new TermsChange())).ShouldBeRefusedWith("REASON_REQUIRED");
        }
    }

    [Fact]
    public void Reinstatement_without_a_reason_is_refused()
    {
        Apply(StatusChange.Suspend(Today, "Nonconformity", Actor))();

        Apply(StatusChange.Reinstate(Today, "", Actor)).ShouldBeRefusedWith("REASON_REQUIRED");
    }

    [Fact]
    public void Renewal_scope_change_and_level_change_need_no_reason()
    {
        Apply(StatusChange.ChangeScope(Today, "", Actor, "新范围（演示数据）", null))().Reason.ShouldBeEmpty();
        Apply(StatusChange.ChangeLevel(Today, " ", Actor, "five-star", new Scores(95m)))().Reason.ShouldBeEmpty();
        Apply(StatusChange.Renew(Today, "", Actor))().Reason.ShouldBeEmpty();
    }

    [Fact]
    public void A_reason_is_stored_trimmed()
    {
        Apply(StatusChange.Suspend(Today, "  Complaint not handled  ", Actor))().Reason.ShouldBe("Complaint not handled");
    }

    [Fact]
    public void A_reason_of_500_characters_is_accepted_and_501_is_too_long()
    {
        Apply(StatusChange.Suspend(Today, new string('因', 501), Actor)).ShouldBeRefusedWith("TEXT_TOO_LONG");

        Apply(StatusChange.Suspend(Today, new string('因', 500), Actor))().Reason.Length.ShouldBe(500);
    }

    [Fact]
    public void An_optional_reason_over_500_characters_is_still_too_long() =>
        Apply(StatusChange.Renew(Today, new string('因', 501), Actor)).ShouldBeRefusedWith("TEXT_TOO_LONG");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_change_without_an_actor_is_refused(string actor)
    {
        Apply(StatusChange.Suspend(Today, "Nonconformity", actor)).ShouldBeRefusedWith("ACTOR_REQUIRED");
        _certificate.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void An_actor_over_200_characters_is_too_long() =>
        Apply(StatusChange.Suspend(Today, "Nonconformity", new string('a', 201))).ShouldBeRefusedWith("TEXT_TOO_LONG");

    [Fact]
    public void Level_change_consistent_with_the_score_is_applied()
    {
        var published = Apply(StatusChange.ChangeLevel(Today, "Reassessed", Actor, "five-star", new Scores(95.0m, 96m, 94m, 95m)))();

        published.Level.ShouldBe("five-star");
        published.TotalScore.ShouldBe(95.0m);
        published.ServiceSystemScore.ShouldBe(96m);
        _certificate.Level.ShouldBe("five-star");
        _certificate.TotalScore.ShouldBe(95.0m);
    }

    [Theory]
    [InlineData("five-star", 94.9, "LEVEL_SCORE_MISMATCH")]
    [InlineData("compliant", 80.0, "LEVEL_SCORE_MISMATCH")]
    [InlineData("three-star", 65.0, "SCORE_BELOW_CERTIFIABLE")]
    [InlineData("seven-star", 99.0, "UNKNOWN_LEVEL")]
    public void Level_change_inconsistent_with_the_score_is_refused(string level, double total, string code)
    {
        Apply(StatusChange.ChangeLevel(Today, "Reassessed", Actor, level, new Scores((decimal)total))).ShouldBeRefusedWith(code);
        _certificate.Level.ShouldBe("four-star");
    }

    [Fact]
    public void Level_change_to_the_same_level_and_scores_is_refused_as_unchanged() =>
        Apply(StatusChange.ChangeLevel(Today, "Reassessed", Actor, "four-star", new Scores(92.0m))).ShouldBeRefusedWith("LEVEL_UNCHANGED");

    [Fact]
    public void Level_change_keeping_the_level_with_a_new_score_is_applied()
    {
        Apply(StatusChange.ChangeLevel(Today, "Reassessed", Actor, "four-star", new Scores(93.5m)))();

        _certificate.Level.ShouldBe("four-star");
        _certificate.TotalScore.ShouldBe(93.5m);
    }

    [Fact]
    public void Level_change_without_level_and_scores_is_refused() =>
        Apply(new StatusChange(StatusEventKind.LevelChanged, Today, "Reassessed", Actor, new TermsChange())).ShouldBeRefusedWith("LEVEL_REQUIRED");

    [Fact]
    public void Level_can_go_down_when_the_score_does()
    {
        Apply(StatusChange.ChangeLevel(Today, "Surveillance audit", Actor, "three-star", new Scores(85m)))();

        _certificate.Level.ShouldBe("three-star");
        _certificate.TotalScore.ShouldBe(85m);
    }

    [Fact]
    public void Renewal_with_a_level_the_score_does_not_earn_is_refused() =>
        Apply(StatusChange.Renew(Today, "Recertified", Actor, level: "five-star", scores: new Scores(94.9m))).ShouldBeRefusedWith("LEVEL_SCORE_MISMATCH");

    [Fact]
    public void Renewal_with_only_new_scores_checks_them_against_the_current_level() =>
        Apply(StatusChange.Renew(Today, "Recertified", Actor, scores: new Scores(97m))).ShouldBeRefusedWith("LEVEL_SCORE_MISMATCH");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Renewal_that_does_not_run_past_its_effective_date_is_refused(int daysAfter) =>
        Apply(StatusChange.Renew(Today, "Recertified", Actor, Today.AddDays(daysAfter))).ShouldBeRefusedWith("EXPIRY_NOT_AFTER_ISSUE");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Scope_change_to_an_empty_scope_is_refused(string scope) =>
        Apply(StatusChange.ChangeScope(Today, "Narrowed", Actor, scope, null)).ShouldBeRefusedWith("SCOPE_REQUIRED");

    [Fact]
    public void Scope_change_replaces_the_scope()
    {
        Apply(StatusChange.ChangeScope(Today, "Extended", Actor, "  示例家电及厨房电器的售后服务（演示数据）  ", "Extended demo scope"))();

        _certificate.ScopeZh.ShouldBe("示例家电及厨房电器的售后服务（演示数据）");
        _certificate.ScopeEn.ShouldBe("Extended demo scope");
    }

    [Fact]
    public void A_refused_change_leaves_the_certificate_as_it_was()
    {
        var version = (_certificate.Standing, _certificate.Level, _certificate.TotalScore, _certificate.ExpiresOn, _certificate.LastEffectiveOn);

        Apply(StatusChange.ChangeLevel(Today, "Reassessed", Actor, "five-star", new Scores(90m))).ShouldBeRefusedWith("LEVEL_SCORE_MISMATCH");

        (_certificate.Standing, _certificate.Level, _certificate.TotalScore, _certificate.ExpiresOn, _certificate.LastEffectiveOn).ShouldBe(version);
        _certificate.Events.Count.ShouldBe(1);
    }

    private Func<StatusEvent> Apply(StatusChange change) => () => _certificate.Apply(change, _clock);
}
