namespace Registry.Signing.Claims;

/// <summary>
/// Levels travel as their number of stars (0 for compliant). The table is part of the wire format, so it is
/// written here rather than read from the domain's scheme, which may grow without changing printed codes.
/// </summary>
public static class LevelCodes
{
    private static readonly (string Code, int Stars)[] Table =
    [
        ("compliant", 0),
        ("three-star", 3),
        ("four-star", 4),
        ("five-star", 5),
    ];

    public static bool TryGetStars(string code, out int stars)
    {
        foreach (var (c, s) in Table)
        {
            if (string.Equals(c, code, StringComparison.Ordinal))
            {
                stars = s;
                return true;
            }
        }

        stars = -1;
        return false;
    }

    public static string? FromStars(int stars)
    {
        foreach (var (c, s) in Table)
        {
            if (s == stars)
            {
                return c;
            }
        }

        return null;
    }
}
