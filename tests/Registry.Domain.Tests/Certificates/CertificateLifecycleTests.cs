using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Tests.Lifecycle;

namespace Registry.Domain.Tests.Certificates;

/// <summary>The lifecycle driven through the aggregate, as a certification body would drive it.</summary>
public class CertificateLifecycleTests
{
    private const string Actor = TestCertificates.Actor;

    /// <summary>Every row of the hand-written table except "not issued", which the aggregate cannot be in.</summary>
    public static TheoryData<CertificateStatus, StatusEventKind, string?> ReachableRows =>
        new(LifecycleTable.Rows.Where(r => r.From != CertificateStatus.NotIssued));

    [Theory]
    [MemberData(nameof(ReachableRows))]
    public void Apply_follows_the_lifecycle_table(CertificateStatus from, StatusEventKind kind, string? refusal)
    {
        var (certificate, clock) = CertificateIn(from);
        var changeOn = new DateOnly(2025, 6, 1);
        clock.SetClock(changeOn);
        certificate.CurrentState(clock).Status.ShouldBe(from, "precondition");
        var eventsBefore = certificate.Events.Count;

        var attempt = () => certificate.Apply(ChangeOf(kind, changeOn), clock);

        if (refusal is null)
        {
            var published = attempt();
            published.Kind.ShouldBe(kind);
            published.Sequence.ShouldBe(eventsBefore + 1);
            certificate.Events.Count.ShouldBe(eventsBefore + 1);
            certificate.CurrentState(clock).Status.ShouldBe(StatusAfter(kind));
        }
        else
        {
            attempt.ShouldBeRefusedWith(refusal);
            certificate.Events.Count.ShouldBe(eventsBefore);
            certificate.CurrentState(clock).Status.ShouldBe(from);
        }
    }

    [Fact]
    public void Suspended_certificate_can_be_reinstated_and_later_withdrawn()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();

        certificate.ApplyOn(clock, new DateOnly(2025, 5, 3), StatusChange.Suspend(new DateOnly(2025, 5, 1), "Complaint handling nonconformity", Actor));
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Suspended);
        certificate.Standing.ShouldBe(CertificateStanding.Suspended);

        certificate.ApplyOn(clock, new DateOnly(2025, 6, 20), StatusChange.Reinstate(new DateOnly(2025, 6, 20), "Corrective action verified", Actor));
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Valid);
        certificate.Standing.ShouldBe(CertificateStanding.Valid);

        certificate.ApplyOn(clock, new DateOnly(2025, 11, 2), StatusChange.Withdraw(new DateOnly(2025, 11, 2), "Repeated nonconformity", Actor));
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Withdrawn);
        certificate.Standing.ShouldBe(CertificateStanding.Withdrawn);

        certificate.Events.Select(e => (e.Sequence, e.Kind)).ShouldBe(
        [
            (1, StatusEventKind.Issued),
            (2, StatusEventKind.Suspended),
            (3, StatusEventKind.Reinstated),
            (4, StatusEventKind.Withdrawn),
        ]);
        certificate.Events[1].EffectiveOn.ShouldBe(new DateOnly(2025, 5, 1));
        certificate.Events[1].PublishedAt.ShouldBe(China.At(2025, 5, 3));
        certificate.Events[1].Reason.ShouldBe("Complaint handling nonconformity");
        certificate.Events[1].Actor.ShouldBe(Actor);
    }

    [Fact]
    public void Suspended_certificate_can_be_withdrawn_and_then_nothing_more_happens()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2025, 5, 1), StatusChange.Suspend(new DateOnly(2025, 5, 1), "Nonconformity", Actor));

        certificate.ApplyOn(clock, new DateOnly(2025, 6, 1), StatusChange.Withdraw(new DateOnly(2025, 6, 1), "Not corrected", Actor));

        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Withdrawn);
        ((Action)(() => certificate.Apply(StatusChange.Reinstate(new DateOnly(2025, 6, 1), "Appeal", Actor), clock)))
            .ShouldBeRefusedWith("CERTIFICATE_WITHDRAWN");
    }

    [Fact]
    public void Valid_certificate_cannot_be_reinstated()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        clock.SetClock(new DateOnly(2025, 2, 1));

        ((Action)(() => certificate.Apply(StatusChange.Reinstate(new DateOnly(2025, 2, 1), "Nothing to reinstate", Actor), clock)))
            .ShouldBeRefusedWith("CERTIFICATE_NOT_SUSPENDED");
    }

    [Fact]
    public void Cancelled_certificate_refuses_every_further_change()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2025, 5, 1), StatusChange.Cancel(new DateOnly(2025, 5, 1), "Holder gave it up", Actor));
        clock.SetClock(new DateOnly(2025, 7, 1));

        foreach (var kind in Enum.GetValues<StatusEventKind>())
        {
            ((Action)(() => certificate.Apply(ChangeOf(kind, new DateOnly(2025, 7, 1)), clock))).ShouldBeRefusedWith("CERTIFICATE_CANCELLED");
        }

        certificate.Events.Count.ShouldBe(2);
        certificate.Standing.ShouldBe(CertificateStanding.Cancelled);
    }

    [Fact]
    public void Expired_certificate_cannot_be_suspended_but_can_be_renewed_for_three_years_minus_a_day()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        var renewOn = new DateOnly(2028, 2, 1);
        clock.SetClock(renewOn);
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Expired);

        ((Action)(() => certificate.Apply(StatusChange.Suspend(renewOn, "Too late", Actor), clock))).ShouldBeRefusedWith("CERTIFICATE_EXPIRED");

        var renewal = certificate.Apply(StatusChange.Renew(renewOn, "Recertification audit passed", Actor), clock);

        renewal.ExpiresOn.ShouldBe(new DateOnly(2031, 1, 31));
        certificate.ExpiresOn.ShouldBe(new DateOnly(2031, 1, 31));
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Valid);
        certificate.CurrentState(clock).ExpiresOn.ShouldBe(new DateOnly(2031, 1, 31));
        certificate.Level.ShouldBe("four-star");
    }

    [Fact]
    public void The_expired_period_stays_expired_in_history_after_a_renewal()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2028, 2, 1), StatusChange.Renew(new DateOnly(2028, 2, 1), "Recertified", Actor));

        StatusHistory.InEffectOn(certificate.Events, new DateOnly(2028, 1, 20), clock).Status.ShouldBe(CertificateStatus.Expired);
        StatusHistory.InEffectOn(certificate.Events, new DateOnly(2028, 2, 1), clock).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void Renewal_before_expiry_starts_a_new_cycle_from_its_effective_date()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();

        certificate.ApplyOn(clock, new DateOnly(2027, 12, 1), StatusChange.Renew(new DateOnly(2027, 12, 1), "Recertified early", Actor));

        certificate.ExpiresOn.ShouldBe(new DateOnly(2030, 11, 30));
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public void Renewal_may_set_an_explicit_expiry_and_a_new_level()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        var renewOn = new DateOnly(2027, 12, 1);

        certificate.ApplyOn(clock, renewOn, StatusChange.Renew(renewOn, "Recertified", Actor, new DateOnly(2030, 6, 30), "five-star", new Scores(96.5m)));

        certificate.ExpiresOn.ShouldBe(new DateOnly(2030, 6, 30));
        certificate.Level.ShouldBe("five-star");
        certificate.TotalScore.ShouldBe(96.5m);
    }

    [Fact]
    public void A_suspended_certificate_that_expired_can_be_renewed()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2027, 10, 1), StatusChange.Suspend(new DateOnly(2027, 10, 1), "Nonconformity", Actor));
        clock.SetClock(new DateOnly(2028, 3, 1));

        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Expired);
        certificate.Apply(StatusChange.Renew(new DateOnly(2028, 3, 1), "Recertified after correction", Actor), clock);

        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Valid);
        certificate.Standing.ShouldBe(CertificateStanding.Valid);
    }

    private static (Certificate Certificate, FakeTimeProvider Clock) CertificateIn(CertificateStatus status)
    {
        var expiresOn = status == CertificateStatus.Expired ? new DateOnly(2025, 4, 30) : (DateOnly?)null;
        var (certificate, clock) = TestCertificates.IssueDefault(expiresOn);
        var on = new DateOnly(2025, 3, 1);
        switch (status)
        {
            case CertificateStatus.Suspended:
                certificate.ApplyOn(clock, on, StatusChange.Suspend(on, "Nonconformity", Actor));
                break;
            case CertificateStatus.Withdrawn:
                certificate.ApplyOn(clock, on, StatusChange.Withdraw(on, "Nonconformity not corrected", Actor));
                break;
            case CertificateStatus.Cancelled:
                certificate.ApplyOn(clock, on, StatusChange.Cancel(on, "Holder gave it up", Actor));
                break;
        }

        return (certificate, clock);
    }

    private static StatusChange ChangeOf(StatusEventKind kind, DateOnly on) => kind switch
    {
        StatusEventKind.Issued => new StatusChange(kind, on, "Issue again", Actor,
            new TermsChange("four-star", new Scores(92m), "重新颁发的范围", null, on.AddYears(3))),
        StatusEventKind.Suspended => StatusChange.Suspend(on, "Nonconformity", Actor),
        StatusEventKind.Reinstated => StatusChange.Reinstate(on, "Corrected", Actor),
        StatusEventKind.Withdrawn => StatusChange.Withdraw(on, "Not corrected", Actor),
        StatusEventKind.Cancelled => StatusChange.Cancel(on, "Holder gave it up", Actor),
        StatusEventKind.Renewed => StatusChange.Renew(on, "Recertified", Actor),
        StatusEventKind.ScopeChanged => StatusChange.ChangeScope(on, "Scope narrowed", Actor, "示例空调产品的售后服务（演示数据）", null),
        StatusEventKind.LevelChanged => StatusChange.ChangeLevel(on, "Reassessed", Actor, "five-star", new Scores(96m)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static CertificateStatus StatusAfter(StatusEventKind kind) => kind switch
    {
        StatusEventKind.Suspended => CertificateStatus.Suspended,
        StatusEventKind.Withdrawn => CertificateStatus.Withdrawn,
        StatusEventKind.Cancelled => CertificateStatus.Cancelled,
        _ => CertificateStatus.Valid,
    };
}
