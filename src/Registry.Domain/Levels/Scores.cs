namespace Registry.Domain.Levels;

/// <summary>
/// An assessment's total score and the scores of GB/T 27922's three indicator categories (service system,
/// commodity service, customer service), each 0–100 with at most one decimal.
/// </summary>
public sealed record Scores
{
    public Scores(decimal total, decimal? serviceSystem = null, decimal? commodityService = null, decimal? customerService = null)
    {
        Total = Check(total, "total");
        ServiceSystem = serviceSystem is { } s ? Check(s, "service system") : null;
        CommodityService = commodityService is { } c ? Check(c, "commodity service") : null;
        CustomerService = customerService is { } u ? Check(u, "customer service") : null;
    }

    public decimal Total { get; }

    public decimal? ServiceSystem { get; }

    public decimal? CommodityService { get; }

    public decimal? CustomerService { get; }

    private static decimal Check(decimal score, string what) =>
        score is < 0 or > 100 || decimal.Round(score, 1) != score
            ? throw new DomainException(DomainErrorCodes.ScoreOutOfRange,
                $"The {what} score must be between 0 and 100 with at most one decimal; {score} is not.")
            : score;
}
