namespace Registry.Web.Features.DemoData;

/// <summary>Where a demo certificate's history leaves it on the as-of date.</summary>
internal enum DemoOutcome
{
    Valid,
    Suspended,
    /// <summary>Suspended once, then reinstated: valid again.</summary>
    Reinstated,
    Withdrawn,
    Cancelled,
    /// <summary>Issued more than three years ago and never renewed.</summary>
    Expired,
}

/// <summary>
/// Writes demo histories through the <see cref="Certificate"/> aggregate. It first plans the effective
/// dates an outcome needs (issue, suspension, reinstatement, renewal …), then sets <see cref="DemoClock"/>
/// to each event's publication instant and asks the aggregate to issue or apply the change: the lifecycle
/// rules, the no-future-dates rule and the level/score check all run on every demo event, so every history
/// is valid by construction. Publication is usually on the effective day, sometimes days later, and now
/// and then weeks later (a back-dated change); it never goes past the as-of instant and never runs
/// backwards within a certificate.
/// </summary>
internal sealed class DemoHistories
{
    /// <summary>How far back issue dates reach: about five years.</summary>
    public const int MaxAgeDays = 1826;

    private static readonly TimeSpan WorkdayStart = TimeSpan.FromHours(9);

    private static readonly string[] SuspendReasons =
    [
        "年度监督审核发现严重不符合项，未在规定期限内完成整改",
        "未按期接受年度监督审核",
        "顾客投诉经核实，售后服务承诺未兑现",
        "售后服务体系发生重大变化，未及时通知认证机构",
        "市场监督抽查发现服务网点不符合认证要求",
    ];

    private static readonly string[] ReinstateReasons =
    [
        "不符合项已整改完成，经现场验证恢复认证证书",
        "已补做年度监督审核，审核结论合格",
        "整改材料经审查符合要求，恢复认证资格",
    ];

    private static readonly string[] WithdrawReasons =
    [
        "暂停期满未完成整改，撤销认证证书",
        "监督审核发现冒用认证标志及虚假宣传行为",
        "获证组织拒不接受监督审核",
        "发生重大服务质量事故，经认证决定撤销证书",
    ];

    private static readonly string[] CancelReasons =
    [
        "获证组织申请注销认证证书",
        "企业经营范围调整，主动申请注销",
        "获证组织停止相关业务，申请注销",
    ];

    private readonly Random _random;
    private readonly DateTimeOffset _asOf;
    private readonly DateOnly _today;
    private readonly DemoClock _clock = new();
    private DateTimeOffset _lastPublished;

    public DemoHistories(Random random, DateTimeOffset asOf)
    {
        _random = random;
        _asOf = asOf.ToUniversalTime();
        _today = RegistryCalendar.DateOf(asOf);
    }

    /// <summary>
    /// Plans the issue date for <paramref name="outcome"/>, issues the certificate that
    /// <paramref name="issueOn"/> describes for that date, and applies the changes that lead to the outcome.
    /// </summary>
    public Certificate Write(DemoOutcome outcome, Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        _lastPublished = DateTimeOffset.MinValue;
        return outcome switch
        {
            DemoOutcome.Valid => Valid(issueOn, actor),
            DemoOutcome.Suspended => Suspended(issueOn, actor),
            DemoOutcome.Reinstated => Reinstated(issueOn, actor),
            DemoOutcome.Withdrawn => Withdrawn(issueOn, actor),
            DemoOutcome.Cancelled => Cancelled(issueOn, actor),
            DemoOutcome.Expired => Expired(issueOn, actor),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };
    }

    // Valid today: issued within five years; one issued over three years ago was renewed shortly before
    // it expired (sometimes re-assessed at another level). A few changed scope or level in between.
    private Certificate Valid(Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        var certificate = Issue(issueOn(DaysAgo(1, MaxAgeDays)));
        DateOnly? renewal = certificate.ExpiresOn < _today ? certificate.ExpiresOn.AddDays(-Between(0, 45)) : null;
        var windowEnd = renewal?.AddDays(-1) ?? Yesterday;
        var roll = _random.NextDouble();
        if (roll < 0.10 && windowEnd.DayNumber - certificate.IssuedOn.DayNumber > 90)
        {
            var on = certificate.IssuedOn.AddDays(Between(60, windowEnd.DayNumber - certificate.IssuedOn.DayNumber));
            if (roll < 0.06)
            {
                var (zh, en) = ExtendedScope(certificate);
                Apply(certificate, StatusChange.ChangeScope(on, "扩大认证范围", actor, zh, en));
            }
            else
            {
                var (level, scores) = DemoScores.Neighbour(_random, certificate.Level);
                Apply(certificate, StatusChange.ChangeLevel(on, "监督审核后评价等级调整", actor, level.Code, scores));
            }
        }

        if (renewal is { } renewedOn)
        {
            var change = _random.NextDouble() < 0.4
                ? Reassessed(renewedOn, actor)
                : StatusChange.Renew(renewedOn, "再认证审核通过，换发新证", actor);
            Apply(certificate, change);
        }

        return certificate;
    }

    private StatusChange Reassessed(DateOnly renewedOn, string actor)
    {
        var (level, scores) = DemoScores.Draw(_random);
        return StatusChange.Renew(renewedOn, "再认证审核通过，按新的评价结果换发证书", actor, level: level.Code, scores: scores);
    }

    // Suspended within the last five months and not yet resolved; the certificate itself is still in term.
    private Certificate Suspended(Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        var suspendedAgo = Between(1, 150);
        var certificate = Issue(issueOn(DaysAgo(suspendedAgo + 30, 1085)));
        Apply(certificate, StatusChange.Suspend(_today.AddDays(-suspendedAgo), Pick(SuspendReasons), actor));
        return certificate;
    }

    // Suspended, fixed within two weeks to four months, reinstated; in term today.
    private Certificate Reinstated(Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        var reinstatedOn = _today.AddDays(-Between(1, 700));
        var suspendedOn = reinstatedOn.AddDays(-Between(14, 120));
        var certificate = Issue(issueOn(DaysAgo(_today.DayNumber - suspendedOn.DayNumber + 30, 1085)));
        Apply(certificate, StatusChange.Suspend(suspendedOn, Pick(SuspendReasons), actor));
        Apply(certificate, StatusChange.Reinstate(reinstatedOn, Pick(ReinstateReasons), actor));
        return certificate;
    }

    // Mostly suspended first and withdrawn when the problem was not fixed; sometimes withdrawn outright.
    private Certificate Withdrawn(Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        var withdrawnOn = _today.AddDays(-Between(1, 1500));
        DateOnly? suspendedOn = _random.NextDouble() < 0.7 ? withdrawnOn.AddDays(-Between(30, 150)) : null;
        var certificate = Issue(issueOn(Earliest((suspendedOn ?? withdrawnOn).AddDays(-Between(30, 900)))));
        if (suspendedOn is { } on)
        {
            Apply(certificate, StatusChange.Suspend(on, Pick(SuspendReasons), actor));
            Apply(certificate, StatusChange.Withdraw(withdrawnOn, WithdrawReasons[0], actor));
        }
        else
        {
            Apply(certificate, StatusChange.Withdraw(withdrawnOn, Pick(WithdrawReasons.AsSpan(1)), actor));
        }

        return certificate;
    }

    private Certificate Cancelled(Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        var cancelledOn = _today.AddDays(-Between(1, 1500));
        var certificate = Issue(issueOn(Earliest(cancelledOn.AddDays(-Between(30, 1000)))));
        Apply(certificate, StatusChange.Cancel(cancelledOn, Pick(CancelReasons), actor));
        return certificate;
    }

    // Issued three to five years ago and never renewed; some went through a suspension on the way.
    private Certificate Expired(Func<DateOnly, IssueCertificate> issueOn, string actor)
    {
        var certificate = Issue(issueOn(DaysAgo(1100, MaxAgeDays)));
        if (_random.NextDouble() < 0.2)
        {
            var suspendedOn = certificate.IssuedOn.AddDays(Between(90, 600));
            Apply(certificate, StatusChange.Suspend(suspendedOn, Pick(SuspendReasons), actor));
            Apply(certificate, StatusChange.Reinstate(suspendedOn.AddDays(Between(14, 120)), Pick(ReinstateReasons), actor));
        }

        return certificate;
    }

    private Certificate Issue(IssueCertificate command)
    {
        _clock.Now = PublicationOf(command.IssuedOn);
        return Certificate.Issue(command, _clock);
    }

    private void Apply(Certificate certificate, StatusChange change)
    {
        _clock.Now = PublicationOf(change.EffectiveOn);
        certificate.Apply(change, _clock);
    }

    // Effective dates are at most yesterday, so even a publication pulled back to the as-of instant falls
    // on or after its effective date.
    private DateTimeOffset PublicationOf(DateOnly effectiveOn)
    {
        var roll = _random.NextDouble();
        var delayDays = roll < 0.65 ? 0 : roll < 0.92 ? Between(1, 5) : Between(6, 40);
        var local = effectiveOn.AddDays(delayDays).ToDateTime(TimeOnly.MinValue) + WorkdayStart + TimeSpan.FromMinutes(_random.Next(9 * 60));
        var published = new DateTimeOffset(local, RegistryCalendar.ChinaOffset).ToUniversalTime();
        if (published <= _lastPublished)
        {
            published = _lastPublished.AddMinutes(_random.Next(1, 180));
        }

        if (published > _asOf)
        {
            published = _asOf;
        }

        _lastPublished = published;
        return published;
    }

    private static (string Zh, string? En) ExtendedScope(Certificate certificate) => (
        certificate.ScopeZh + "，以及相关零配件的销售服务",
        certificate.ScopeEn is null ? null : certificate.ScopeEn + ", and sales of related spare parts");

    private DateOnly Yesterday => _today.AddDays(-1);

    private DateOnly DaysAgo(int min, int max) => _today.AddDays(-Between(min, max));

    private DateOnly Earliest(DateOnly date)
    {
        var earliest = _today.AddDays(-MaxAgeDays);
        return date < earliest ? earliest : date;
    }

    private int Between(int min, int max) => _random.Next(min, max + 1);

    private string Pick(ReadOnlySpan<string> items) => items[_random.Next(items.Length)];
}
