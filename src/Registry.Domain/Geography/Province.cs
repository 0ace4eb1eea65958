namespace Registry.Domain.Geography;

/// <summary>A province-level division, identified by the first two digits of a division code.</summary>
public sealed record Province(string Code, string NameZh, string NameEn);
