namespace Registry.Domain.Levels;

/// <summary>One rung of a scheme's scale: the lowest total score that earns it and how many stars it shows.</summary>
public sealed record Level(string Code, string NameZh, string NameEn, int Stars, decimal MinimumScore);
