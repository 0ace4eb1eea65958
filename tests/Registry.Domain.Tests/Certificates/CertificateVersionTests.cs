namespace Registry.Domain.Tests.Certificates;

/// <summary>The version a client sends back with a change: the number of events it saw.</summary>
public class CertificateVersionTests
{
    [Fact]
    public void A_new_certificate_is_at_version_1()
    {
        var (certificate, _) = TestCertificates.IssueDefault();

        certificate.EventCount.ShouldBe(1);
        certificate.EnsureVersion(1);
    }

    [Fact]
    public void Each_published_change_moves_the_version_by_one()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        certificate.ApplyOn(clock, new DateOnly(2025, 3, 1), StatusChange.Suspend(new DateOnly(2025, 3, 1), "Nonconformity", TestCertificates.Actor));
        certificate.ApplyOn(clock, new DateOnly(2025, 3, 9), StatusChange.Reinstate(new DateOnly(2025, 3, 9), "Corrected", TestCertificates.Actor));

        certificate.EventCount.ShouldBe(3);
        certificate.EnsureVersion(3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_version_other_than_the_current_one_is_refused_as_outdated(int expected)
    {
        var (certificate, _) = TestCertificates.IssueDefault();

        var refusal = ((Action)(() => certificate.EnsureVersion(expected))).ShouldBeRefusedWith("OUTDATED_VERSION");
        refusal.Message.ShouldContain("version 1");
    }

    [Fact]
    public void A_refused_change_leaves_the_version_where_it_was()
    {
        var (certificate, clock) = TestCertificates.IssueDefault();
        clock.SetClock(new DateOnly(2025, 3, 1));

        ((Action)(() => certificate.Apply(StatusChange.Reinstate(new DateOnly(2025, 3, 1), "Nothing to reinstate", TestCertificates.Actor), clock)))
            .ShouldBeRefusedWith("CERTIFICATE_NOT_SUSPENDED");

        certificate.EnsureVersion(1);
    }

    [Fact]
    public void No_expected_version_means_no_check() =>
        TestCertificates.IssueDefault().Certificate.EnsureVersion(null);
}
