namespace Registry.Domain.Tests.Lifecycle;

public class LifecycleRulesTests
{
    public static TheoryData<CertificateStatus, StatusEventKind, string?> Table => LifecycleTable.Expected;

    [Fact]
    public void The_expected_table_covers_every_status_and_every_change_exactly_once()
    {
        var expected =
            from status in Enum.GetValues<CertificateStatus>()
            from kind in Enum.GetValues<StatusEventKind>()
            select (status, kind);

        var rows = LifecycleTable.Rows.Select(r => (r.From, r.Change)).ToList();

        rows.Count.ShouldBe(rows.Distinct().Count());
        rows.ShouldBe(expected, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void IsAllowed_follows_the_table(CertificateStatus from, StatusEventKind change, string? refusal) =>
        LifecycleRules.IsAllowed(from, change).ShouldBe(refusal is null);

    [Theory]
    [MemberData(nameof(Table))]
    public void Refusal_gives_the_tabled_error_code_or_none(CertificateStatus from, StatusEventKind change, string? refusal)
    {
        var actual = LifecycleRules.Refusal(from, change);

        (actual?.Code).ShouldBe(refusal);
        if (actual is { } explained)
        {
            explained.Message.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureAllowed_throws_the_tabled_error_code_or_nothing(CertificateStatus from, StatusEventKind change, string? refusal)
    {
        var thrown = Record.Exception(() => LifecycleRules.EnsureAllowed(from, change));

        if (refusal is null)
        {
            thrown.ShouldBeNull();
        }
        else
        {
            thrown.ShouldBeOfType<DomainException>().Code.ShouldBe(refusal);
        }
    }

    [Fact]
    public void Withdrawn_and_cancelled_are_final()
    {
        foreach (var kind in Enum.GetValues<StatusEventKind>())
        {
            LifecycleRules.IsAllowed(CertificateStatus.Withdrawn, kind).ShouldBeFalse($"withdrawn then {kind}");
            LifecycleRules.IsAllowed(CertificateStatus.Cancelled, kind).ShouldBeFalse($"cancelled then {kind}");
        }
    }

    [Fact]
    public void Suspended_certificate_can_only_be_reinstated_or_withdrawn()
    {
        var allowed = Enum.GetValues<StatusEventKind>().Where(k => LifecycleRules.IsAllowed(CertificateStatus.Suspended, k));

        allowed.ShouldBe([StatusEventKind.Reinstated, StatusEventKind.Withdrawn], ignoreOrder: true);
    }

    [Fact]
    public void Expired_certificate_can_only_be_renewed()
    {
        var allowed = Enum.GetValues<StatusEventKind>().Where(k => LifecycleRules.IsAllowed(CertificateStatus.Expired, k));

        allowed.ShouldBe([StatusEventKind.Renewed]);
    }
}
