using Registry.Domain.Identifiers;
using Registry.Domain.Lifecycle;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Claims;

/// <summary>
/// The format freezes copies of domain rules so that printed codes keep their meaning. If one of these
/// fails, the domain changed: new codes need a new claims version, not an edit of version 1.
/// </summary>
public class FrozenRulesTests
{
    [Fact]
    public void The_default_expiry_is_the_domains_validity_period()
    {
        for (var day = new DateOnly(2000, 1, 1); day <= new DateOnly(2040, 12, 31); day = day.AddDays(1))
        {
            FormatExpiry.Default(day).ShouldBe(ValidityPeriod.DefaultExpiry(day), day.ToString("O", null));
        }
    }

    [Fact]
    public void The_number_lengths_are_the_domains()
    {
        CertificateNumberPacking.MinLength.ShouldBe(CertificateNumber.MinNormalizedLength);
        CertificateNumberPacking.MaxLength.ShouldBe(CertificateNumber.MaxNormalizedLength);
    }

    [Fact]
    public void Leap_day_certificates_expire_on_the_last_day_of_February()
    {
        FormatExpiry.Default(new DateOnly(2024, 2, 29)).ShouldBe(new DateOnly(2027, 2, 28));
        FormatExpiry.Default(new DateOnly(2024, 3, 1)).ShouldBe(new DateOnly(2027, 2, 28));
    }
}
