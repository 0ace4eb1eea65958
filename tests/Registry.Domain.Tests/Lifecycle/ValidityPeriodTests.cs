namespace Registry.Domain.Tests.Lifecycle;

/// <summary>Three years, the last day included: the day before the third anniversary.</summary>
public class ValidityPeriodTests
{
    [Theory]
    [InlineData("2024-03-01", "2027-02-28")]
    [InlineData("2025-01-10", "2028-01-09")]
    [InlineData("2025-03-01", "2028-02-29")]
    [InlineData("2025-01-01", "2027-12-31")]
    [InlineData("2026-12-31", "2029-12-30")]
    public void Default_expiry_is_three_years_minus_one_day(string start, string expiry) =>
        ValidityPeriod.DefaultExpiry(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_certificate_issued_on_29_February_runs_until_the_end_of_February_three_years_later()
    {
        // The third anniversary of 2024-02-29 falls on 2027-03-01 (there is no 29 February in 2027),
        // so the last valid day is 2027-02-28, as for a certificate issued on 2024-03-01.
        ValidityPeriod.DefaultExpiry(new DateOnly(2024, 2, 29)).ShouldBe(new DateOnly(2027, 2, 28));
    }
}
