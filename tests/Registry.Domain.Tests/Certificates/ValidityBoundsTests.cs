using Microsoft.Extensions.Time.Testing;
using Registry.Domain.Time;

namespace Registry.Domain.Tests.Certificates;

/// <summary>
/// A certificate's dates lie where the scheme allows: issued no earlier than GB/T 27922-2011 took effect
/// (2012-02-01) and valid for at most its three years, on issue and on renewal alike.
/// </summary>
public class ValidityBoundsTests
{
    private readonly FakeTimeProvider _clock = TestClocks.AtChinaTime(2025, 1, 10);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2006, 5, 12)]
    [InlineData(2012, 1, 31)]
    public void An_issue_before_the_scheme_took_effect_is_refused(int year, int month, int day) =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(year, month, day), expiresOn: new DateOnly(year, month, day).AddDays(30)), _clock)))
            .ShouldBeRefusedWith("ISSUE_DATE_BEFORE_SCHEME");

    [Fact]
    public void The_first_day_of_the_scheme_and_its_longest_validity_are_accepted()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2012, 2, 1), expiresOn: new DateOnly(2015, 2, 1)), _clock);

        certificate.ExpiresOn.ShouldBe(new DateOnly(2015, 2, 1), "the third anniversary is the latest end");
    }

    [Theory]
    [InlineData("2028-01-11")]
    [InlineData("2030-01-01")]
    [InlineData("9999-12-31")]
    public void An_expiry_past_three_years_is_refused(string expiresOn) =>
        ((Action)(() => Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2025, 1, 10),
            expiresOn: DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture)), _clock)))
            .ShouldBeRefusedWith("EXPIRY_BEYOND_VALIDITY");

    [Fact]
    public void A_renewal_runs_at_most_three_years_from_its_effective_date()
    {
        var certificate = Certificate.Issue(TestCertificates.Command(issuedOn: new DateOnly(2022, 1, 10)), _clock);

        ((Action)(() => certificate.Apply(StatusChange.Renew(new DateOnly(2025, 1, 9), "re-certified", "x", new DateOnly(2029, 1, 9)), _clock)))
            .ShouldBeRefusedWith("EXPIRY_BEYOND_VALIDITY");
        certificate.Apply(StatusChange.Renew(new DateOnly(2025, 1, 9), "re-certified", "x"), _clock);
        certificate.ExpiresOn.ShouldBe(new DateOnly(2028, 1, 8));
    }

    [Fact]
    public void Every_date_a_certificate_can_hold_lies_inside_the_dates_the_registry_answers_about()
    {
        QueryDates.Contains(new DateOnly(2012, 2, 1)).ShouldBeTrue();
        QueryDates.Contains(new DateOnly(1999, 12, 31)).ShouldBeFalse();
        QueryDates.Contains(new DateOnly(2200, 1, 1)).ShouldBeFalse();
        QueryDates.Contains(new DateTimeOffset(9999, 12, 31, 16, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }
}
