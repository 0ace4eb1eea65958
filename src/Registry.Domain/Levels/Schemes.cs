using Registry.Domain.Lifecycle;

namespace Registry.Domain.Levels;

/// <summary>
/// The schemes the registry knows. GB/T 27922-2011 with its four levels is the default; it took effect on
/// 2012-02-01 and certifies for three years.
/// </summary>
public static class Schemes
{
    public static Scheme GbT27922 { get; } = new(
        "GBT27922-2011",
        "GB/T 27922-2011 商品售后服务评价体系",
        "GB/T 27922-2011 Commodity after-sales service evaluation system",
        [
            new Level("compliant", "达标级", "compliant", 0, 70m),
            new Level("three-star", "三星级", "three-star", 3, 80m),
            new Level("four-star", "四星级", "four-star", 4, 90m),
            new Level("five-star", "五星级", "five-star", 5, 95m),
        ],
        startsOn: new DateOnly(2012, 2, 1),
        validityYears: ValidityPeriod.Years);

    public static Scheme Default => GbT27922;

    public static IReadOnlyList<Scheme> All { get; } = [GbT27922];

    public static Scheme Find(string code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal))
        ?? throw new DomainException(DomainErrorCodes.UnknownScheme, $"No scheme is registered with the code '{code}'.");
}
