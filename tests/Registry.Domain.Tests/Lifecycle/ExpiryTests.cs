namespace Registry.Domain.Tests.Lifecycle;

/// <summary>Expiry is a matter of the date asked about; nobody publishes it.</summary>
public class ExpiryTests
{
    private static readonly DateOnly ExpiresOn = new(2028, 1, 9);
    private static readonly DateOnly DayAfterExpiry = new(2028, 1, 10);

    [Fact]
    public void A_valid_certificate_is_valid_on_its_expiry_date_and_expired_the_day_after()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        clock.SetClock(new DateOnly(2028, 6, 1));

        certificate.ExpiresOn.ShouldBe(ExpiresOn);
        StatusHistory.InEffectOn(certificate.Events, ExpiresOn, clock).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.InEffectOn(certificate.Events, DayAfterExpiry, clock).Status.ShouldBe(CertificateStatus.Expired);
    }

    [Fact]
    public void Expiry_is_judged_on_the_China_date_of_the_clock()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();

        clock.MoveTo(new DateTimeOffset(2028, 1, 9, 15, 59, 59, TimeSpan.Zero)); // 23:59:59 on 9 January in China
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Valid);

        clock.MoveTo(new DateTimeOffset(2028, 1, 9, 16, 0, 0, TimeSpan.Zero)); // 00:00 on 10 January in China
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Expired);
    }

    [Fact]
    public void A_suspended_certificate_past_its_expiry_is_expired()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2027, 6, 1), StatusChange.Suspend(new DateOnly(2027, 6, 1), "Surveillance audit failed", TestCertificates.Actor));
        clock.SetClock(new DateOnly(2028, 6, 1));

        StatusHistory.InEffectOn(certificate.Events, ExpiresOn, clock).Status.ShouldBe(CertificateStatus.Suspended);
        var state = StatusHistory.InEffectOn(certificate.Events, DayAfterExpiry, clock);
        state.Status.ShouldBe(CertificateStatus.Expired);
        state.Standing.ShouldBe(CertificateStanding.Suspended);
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Expired);
    }

    [Fact]
    public void A_withdrawn_certificate_stays_withdrawn_past_its_expiry()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2027, 6, 1), StatusChange.Withdraw(new DateOnly(2027, 6, 1), "Nonconformity not corrected", TestCertificates.Actor));
        clock.SetClock(new DateOnly(2029, 1, 1));

        StatusHistory.InEffectOn(certificate.Events, DayAfterExpiry, clock).Status.ShouldBe(CertificateStatus.Withdrawn);
        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Withdrawn);
    }

    [Fact]
    public void A_cancelled_certificate_stays_cancelled_past_its_expiry()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2027, 6, 1), StatusChange.Cancel(new DateOnly(2027, 6, 1), "Holder gave the certificate up", TestCertificates.Actor));
        clock.SetClock(new DateOnly(2029, 1, 1));

        certificate.CurrentState(clock).Status.ShouldBe(CertificateStatus.Cancelled);
    }

    [Fact]
    public void What_the_registry_said_after_the_expiry_date_is_expired()
    {
        var (certificate, _) = TestCertificates.IssueDefault();

        StatusHistory.AsPublishedAt(certificate.Events, China.At(2028, 1, 9, 23, 59)).Status.ShouldBe(CertificateStatus.Valid);
        StatusHistory.AsPublishedAt(certificate.Events, China.At(2028, 1, 10, 0, 0)).Status.ShouldBe(CertificateStatus.Expired);
    }
}
