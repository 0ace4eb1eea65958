namespace Registry.Domain.Tests.Certificates;

/// <summary>The indexed snapshot properties repeat the fold of all events, event after event.</summary>
public class CertificateSnapshotTests
{
    private const string Actor = TestCertificates.Actor;

    [Fact]
    public void Snapshot_follows_each_event()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();

        certificate.ApplyOn(clock, new DateOnly(2025, 3, 1), StatusChange.ChangeLevel(new DateOnly(2025, 3, 1), "Reassessed", Actor, "five-star", new Scores(95.5m)));
        (certificate.Standing, certificate.Level, certificate.TotalScore).ShouldBe((CertificateStanding.Valid, "five-star", 95.5m));
        certificate.LastEffectiveOn.ShouldBe(new DateOnly(2025, 3, 1));

        certificate.ApplyOn(clock, new DateOnly(2025, 4, 1), StatusChange.ChangeScope(new DateOnly(2025, 4, 1), "Narrowed", Actor, "示例空调的售后服务（演示数据）", "Demo air conditioners"));
        certificate.ScopeZh.ShouldBe("示例空调的售后服务（演示数据）");
        certificate.Level.ShouldBe("five-star");

        certificate.ApplyOn(clock, new DateOnly(2025, 5, 1), StatusChange.Suspend(new DateOnly(2025, 5, 1), "Nonconformity", Actor));
        certificate.Standing.ShouldBe(CertificateStanding.Suspended);
        certificate.ScopeZh.ShouldBe("示例空调的售后服务（演示数据）");

        certificate.ApplyOn(clock, new DateOnly(2025, 6, 1), StatusChange.Reinstate(new DateOnly(2025, 6, 1), "Corrected", Actor));
        certificate.Standing.ShouldBe(CertificateStanding.Valid);

        certificate.ApplyOn(clock, new DateOnly(2025, 7, 1), StatusChange.Renew(new DateOnly(2025, 7, 1), "Recertified", Actor));
        certificate.ExpiresOn.ShouldBe(new DateOnly(2028, 6, 30));
        certificate.Level.ShouldBe("five-star");
        certificate.TotalScore.ShouldBe(95.5m);
        certificate.LastEffectiveOn.ShouldBe(new DateOnly(2025, 7, 1));

        certificate.ApplyOn(clock, new DateOnly(2025, 8, 1), StatusChange.Cancel(new DateOnly(2025, 8, 1), "Holder gave it up", Actor));
        certificate.Standing.ShouldBe(CertificateStanding.Cancelled);
        certificate.Events.Count.ShouldBe(7);
    }

    [Fact]
    public void Snapshot_includes_back_dated_changes_that_were_published_later()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();

        certificate.ApplyOn(clock, new DateOnly(2026, 3, 10), StatusChange.Suspend(new DateOnly(2026, 3, 1), "Nonconformity", Actor));

        certificate.Standing.ShouldBe(CertificateStanding.Suspended);
        certificate.LastEffectiveOn.ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void Expiry_is_never_stored_as_a_standing()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        clock.SetClock(new DateOnly(2029, 1, 1));

        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Expired);
        certificate.Standing.ShouldBe(CertificateStanding.Valid);
    }

    [Fact]
    public void Snapshot_agrees_with_the_fold_of_all_events()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2025, 3, 1), StatusChange.ChangeLevel(new DateOnly(2025, 3, 1), "Reassessed", Actor, "three-star", new Scores(88m)));
        certificate.ApplyOn(clock, new DateOnly(2025, 4, 1), StatusChange.Suspend(new DateOnly(2025, 4, 1), "Nonconformity", Actor));

        var current = certificate.CurrentState(clock);

        certificate.Standing.ShouldBe(current.Standing!.Value);
        certificate.Level.ShouldBe(current.Level);
        certificate.TotalScore.ShouldBe(current.Scores!.Total);
        certificate.ScopeZh.ShouldBe(current.ScopeZh);
        certificate.ExpiresOn.ShouldBe(current.ExpiresOn!.Value);
    }
}
