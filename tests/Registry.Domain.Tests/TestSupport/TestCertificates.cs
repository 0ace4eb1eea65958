using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Identifiers;

namespace Registry.Domain.Tests.TestSupport;

/// <summary>Builds fictional certificates for lifecycle tests.</summary>
public static class TestCertificates
{
    public const string Actor = "body:demo-cert:alice";
    public const string Scope = "示例家电产品的售后服务（演示数据）";

    /// <summary>The default issue date; its default expiry is 2028-01-09.</summary>
    public static readonly DateOnly IssuedOn = new(2025, 1, 10);

    public static IssueCertificate Command(
        DateOnly? issuedOn = null,
        DateOnly? expiresOn = null,
        string level = "four-star",
        decimal total = 92.0m,
        string scopeZh = Scope,
        string actor = Actor,
        Scheme? scheme = null,
        string number = "DEMO-SC-2025-0001") =>
        new(
            CertificateNumber.Parse(number),
            scheme ?? Schemes.GbT27922,
            BodyId: 1,
            OrganisationId: 2,
            level,
            new Scores(total),
            scopeZh,
            "After-sales service for demo household appliances (demo data)",
            issuedOn ?? IssuedOn,
            expiresOn,
            actor,
            IsDemo: true);

    /// <summary>A four-star certificate issued on <see cref="IssuedOn"/>, published that day at 10:00 in China.</summary>
    public static (Certificate Certificate, FakeTimeProvider Clock) IssueDefault(DateOnly? expiresOn = null)
    {
        var clock = TestClocks.AtChinaTime(IssuedOn.Year, IssuedOn.Month, IssuedOn.Day);
        return (Certificate.Issue(Command(expiresOn: expiresOn), clock), clock);
    }

    public static void SetClock(this FakeTimeProvider clock, DateOnly chinaDate, int hour = 10) =>
        clock.SetChinaTime(chinaDate.Year, chinaDate.Month, chinaDate.Day, hour);

    public static StatusEvent ApplyOn(this Certificate certificate, FakeTimeProvider clock, DateOnly publishedOn, StatusChange change)
    {
        clock.SetClock(publishedOn);
        return certificate.Apply(change, clock);
    }
}
