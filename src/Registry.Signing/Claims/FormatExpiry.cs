namespace Registry.Signing.Claims;

/// <summary>
/// The default expiry as claims version 1 defines it: the day before the third anniversary of the issue
/// date, the anniversary of 29 February being 1 March. It is frozen here rather than read from the domain's
/// ValidityPeriod, so that a later change of the validity rule cannot change what printed codes say.
/// </summary>
public static class FormatExpiry
{
    public static DateOnly Default(DateOnly issuedOn)
    {
        var anniversary = issuedOn is { Month: 2, Day: 29 } ? new DateOnly(issuedOn.Year + 3, 3, 1) : issuedOn.AddYears(3);
        return anniversary.AddDays(-1);
    }
}
