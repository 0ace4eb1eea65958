using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Time;

namespace Registry.Domain.Tests.Lifecycle;

/// <summary>
/// The three questions: what is the status now, what was in effect on a date (as known today), and what did
/// the registry say at an instant. Scenario: issued 2025-01-10; a suspension effective 2026-03-01 was only
/// published on 2026-03-10.
/// </summary>
public class StatusHistoryTests
{
    private static readonly DateOnly SuspendedFrom = new(2026, 3, 1);
    private static readonly DateOnly SuspensionPublishedOn = new(2026, 3, 10);

    private readonly Certificate _certificate;
    private readonly FakeTimeProvider _clock;

    public StatusHistoryTests()
    {
        (_certificate, _clock) = TestCertificates.IssueDefault();
        _certificate.ApplyOn(_clock, SuspensionPublishedOn, StatusChange.Suspend(SuspendedFrom, "Nonconformity not corrected in time", TestCertificates.Actor));
    }

    [Fact]
    public void In_effect_on_a_date_inside_the_back_dated_suspension_is_suspended()
    {
        StatusHistory.InEffectOn(_certificate.Events, new DateOnly(2026, 3, 5), _clock).Status.ShouldBe(CertificateStatus.Suspended);
    }

    [Fact]
    public void In_effect_on_the_day_before_the_suspension_is_valid()
    {
        StatusHistory.InEffectOn(_certificate.Events, new DateOnly(2026, 2, 28), _clock).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void As_published_at_the_end_of_5_March_the_registry_still_said_valid()
    {
        var endOfFifthMarchInChina = new DateTimeOffset(2026, 3, 5, 23, 59, 59, China.Offset);

        StatusHistory.AsPublishedAt(_certificate.Events, endOfFifthMarchInChina).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.AsPublishedAt(_certificate.Events, RegistryCalendar.EndOf(new DateOnly(2026, 3, 5))).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void As_published_just_before_and_just_after_the_suspension_was_published()
    {
        var publishedAt = _certificate.Events[^1].PublishedAt;

        publishedAt.ShouldBe(China.At(2026, 3, 10));
        StatusHistory.AsPublishedAt(_certificate.Events, publishedAt.AddTicks(-1)).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.AsPublishedAt(_certificate.Events, publishedAt).Status.ShouldBe(CertificateStatus.Suspended);
    }

    [Fact]
    public void Current_status_is_suspended()
    {
        StatusHistory.Current(_certificate.Events, _clock).Status.ShouldBe(CertificateStatus.Suspended);
        _certificate.CurrentState(_clock).Status.ShouldBe(CertificateStatus.Suspended);
        _certificate.CurrentState(_clock).Standing.ShouldBe(CertificateStanding.Suspended);
    }

    [Fact]
    public void Before_the_issue_date_the_certificate_was_not_issued()
    {
        var state = StatusHistory.InEffectOn(_certificate.Events, new DateOnly(2025, 1, 9), _clock);

        state.Status.ShouldBe(CertificateStatus.NotIssued);
        state.ShouldBe(CertificateState.NotIssued);
    }

    [Fact]
    public void As_published_before_the_issue_was_published_the_certificate_was_not_issued()
    {
        var issuePublishedAt = _certificate.Events[0].PublishedAt;

        StatusHistory.AsPublishedAt(_certificate.Events, issuePublishedAt.AddSeconds(-1)).Status.ShouldBe(CertificateStatus.NotIssued);
        StatusHistory.AsPublishedAt(_certificate.Events, issuePublishedAt).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void A_back_dated_issue_was_not_known_before_it_was_published_though_it_was_in_effect()
    {
        var clock = TestClocks.AtChinaTime(2025, 1, 15);
        var certificate = Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2025, 1, 10)), clock);

        StatusHistory.AsPublishedAt(certificate.Events, China.At(2025, 1, 12)).Status.ShouldBe(CertificateStatus.NotIssued);
        StatusHistory.InEffectOn(certificate.Events, new DateOnly(2025, 1, 12), clock).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void In_effect_on_answers_only_from_what_was_published_by_the_clock()
    {
        // A clock from before the suspension was published (a fake clock does not rewind): the suspension is not known yet.
        var before = TestClocks.AtChinaTime(2026, 3, 5);

        StatusHistory.InEffectOn(_certificate.Events, new DateOnly(2026, 3, 5), before).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.Current(_certificate.Events, before).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void The_state_carries_the_terms_and_the_last_event_in_effect()
    {
        var state = StatusHistory.InEffectOn(_certificate.Events, new DateOnly(2026, 3, 5), _clock);

        state.Level.ShouldBe("four-star");
        state.Scores.ShouldBe(new Scores(92.0m));
        state.ScopeZh.ShouldBe(TestCertificates.Scope);
        state.ExpiresOn.ShouldBe(new DateOnly(2028, 1, 9));
        state.LastEvent.ShouldNotBeNull().Kind.ShouldBe(StatusEventKind.Suspended);
    }
}
